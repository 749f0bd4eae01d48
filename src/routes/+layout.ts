// The atlas is a client-rendered map: WebGL needs the browser, and the
// static adapter serves one prerendered shell.
export const ssr = false;
export const prerender = true;
