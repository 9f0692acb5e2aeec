import type { AuditCheckModule } from "../../types";
import { clientBundleModule } from "./client-bundle";
import { cookiesModule } from "./cookies";
import { corsModule } from "./cors";
import { headersModule } from "./headers";
import { hstsModule } from "./hsts";
import { mixedContentModule } from "./mixed-content";
import { rateModule } from "./rate";
import { tlsModule } from "./tls";
import { transportModule } from "./transport";

/**
 * The web check modules, in report order. They share one snapshot per target and run (redirect chains, the HTTPS
 * page, TLS handshakes), so each URL is fetched once however many modules read it.
 */
export const WEB_CHECKS: readonly AuditCheckModule[] = [
  transportModule,
  tlsModule,
  hstsModule,
  mixedContentModule,
  headersModule,
  corsModule,
  cookiesModule,
  clientBundleModule,
  rateModule(),
];
