/**
 * A program of your own that uses launch-ready's components: your load balancer, launch-ready's Domain in front of
 * it, a record of your own beside the component's, and launch-ready's alerting and monitoring of the site. `launch-ready preview --program examples/typescript-program`
 * runs it offline and judges everything it builds against the launch checklist.
 */
import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { AlertRoute, Domain, Monitoring } from "launch-ready";

const config = new pulumi.Config();

// Yours: the application load balancer the site runs behind.
const lb = new aws.lb.LoadBalancer("app", {
  loadBalancerType: "application",
  subnets: config.requireObject<string[]>("subnetIds"),
  securityGroups: [config.require("securityGroupId")],
});

// The zone exists already; launch-ready never creates or deletes one.
const zone = cloudflare.getZoneOutput({ filter: { name: "acme.example" } });

// launch-ready's: DNS with CAA, DNSSEC, HTTPS everywhere with HSTS, and www → apex in one redirect. The origin is
// the load balancer's DNS name, an output known only after apply; `caa.acm` says its certificate is ACM's.
const site = new Domain("acme", {
  name: "acme.example",
  cloudflare: { zoneId: zone.zoneId },
  web: {
    origin: lb.dnsName,
    hosts: [{ name: "app.acme.example" }],
    caa: { acm: true, iodef: "mailto:security@acme.example" },
    legacyPaths: [{ from: "/pricing.html", to: "/pricing" }],
  },
});

// Yours again, in the same zone: the status page's host.
new cloudflare.DnsRecord("status", {
  zoneId: site.zoneId,
  name: "status.acme.example",
  type: "CNAME",
  content: "acme.statuspage.example.net",
  ttl: 1,
  proxied: false,
});

// launch-ready's: where alarms go (an encrypted topic per region an alarm lives in: us-east-1 for the Route 53
// metrics, the load balancer's region for its 5xx), then uptime, p95 latency, 5xx and certificate-expiry alarms.
const alerts = new AlertRoute("alerts", { emails: ["oncall@acme.example"], regions: ["us-east-1", aws.config.region ?? "eu-west-1"] });
new Monitoring("acme", {
  domain: "acme.example",
  canonicalHost: "acme.example",
  checks: [{ url: "https://app.acme.example/login", searchString: "Sign in" }, { url: "https://app.acme.example/healthz" }],
  loadBalancerArn: lb.arn,
  alertTopicArns: alerts.topicArns,
});

/** Give these to the registrar: the name servers, and the DS record once DNSSEC is on. */
export const nameServers = site.nameServers;
export const ds = site.ds;
/** Email subscriptions wait for their confirmation click: this says which are still pending after `pulumi up`. */
export const alertSubscriptions = alerts.subscriptionStates;
