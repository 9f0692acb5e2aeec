export { startDnsLab, type DnsLab, type DnsLabOptions, type LabZone } from "./knot-lab";
export { dnsLabAvailable, missingDnsLabTools, DNS_LAB_APT } from "./tools";
export { startFaultDnsServer, type FaultMode, type FaultQuestion, type FaultServer, type FaultServerOptions } from "./fault-server";
export { startTamperProxy, type Tamper, type TamperProxy, type ZoneSigner } from "./tamper-proxy";
