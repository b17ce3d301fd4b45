import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  options: null as null | { webPreferences: Record<string, unknown> },
  handlers: {} as Record<string, (...args: unknown[]) => unknown>,
  openHandler: null as null | (() => unknown),
  headersHook: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  permissionHook: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  loaded: '' as string,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (fn: () => unknown) => (state.openHandler = fn),
      on: (name: string, fn: (...args: unknown[]) => unknown) => (state.handlers[name] = fn),
    };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      state.options = options;
    }
    once() {}
    loadURL(url: string) {
      state.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof state.headersHook) => (state.headersHook = fn) },
        setPermissionRequestHandler: (fn: typeof state.permissionHook) => (state.permissionHook = fn),
      },
    },
  };
});

const { createMainWindow } = await import('../../../main/window/createMainWindow');
const { CONTENT_SECURITY_POLICY, isTrustedRendererUrl } = await import('../../../main/window/securityPolicy');

describe('createMainWindow', () => {
  beforeEach(() => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', rendererUrl: 'file:///app/out/renderer/index.html' });
  });

  it('locks down the renderer', () => {
    const prefs = state.options!.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses new windows, navigation, redirects and webviews', () => {
    expect(state.openHandler!()).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      state.handlers[name]!(event, 'https://example.com/');
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('sets a strict CSP on every response and denies permission requests', () => {
    let headers: Record<string, string[]> = {};
    state.headersHook!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: typeof headers }).responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    const granted = vi.fn();
    state.permissionHook!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('loads the renderer it was given', () => {
    expect(state.loaded).toBe('file:///app/out/renderer/index.html');
  });
});

describe('isTrustedRendererUrl', () => {
  it('accepts only our own renderer', () => {
    expect(isTrustedRendererUrl('file:///app/out/renderer/index.html', 'file:///app/out/renderer/')).toBe(true);
    expect(isTrustedRendererUrl('file:///etc/passwd', 'file:///app/out/renderer/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://evil.test/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('not a url', 'http://localhost:5173')).toBe(false);
  });
});
