// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "pino",
    "@prisma/schema-engine-wasm",
    "pg",
    "@napi-rs/canvas",
    "exceljs",
  ],
  poweredByHeader: false,
  // nosniff, Referrer-Policy and frame denial on every response; the CSP (with its per-request
  // nonce) and HSTS are set by proxy.ts (lib/http/security-headers.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The sandbox and the README use 127.0.0.1; without this, next dev blocks its own assets there.
  allowedDevOrigins: ["127.0.0.1"],
  // Builds for tests go to their own folder so a running `npm start` is not disturbed.
  distDir: process.env.QUDAO_DIST_DIR ?? ".next",
};

export default withNextIntl(nextConfig);
