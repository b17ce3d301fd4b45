/** The renderer may load only its own bundle; styles inline because Mantine injects CSS variables. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when a frame URL belongs to our own renderer (the packaged file or the dev server). */
export function isTrustedRendererUrl(url: string, trustedOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    if (trustedOrigin.startsWith('file://')) {
      return parsed.protocol === 'file:' && url.startsWith(trustedOrigin);
    }
    return parsed.origin === new URL(trustedOrigin).origin;
  } catch {
    return false;
  }
}
