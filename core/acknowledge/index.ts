export { acknowledgementFor, describeAcknowledgement, expiresAt, type Acknowledgement, type AcknowledgementState } from "./acknowledgement";
