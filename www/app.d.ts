// TypeScript definitions for app.js: the page and the embedded widget (embed.js uses these; most
// hosts need only the <low-income-check> element). The partner JS API is api.js (api.d.ts).

/** Loads the WebAssembly; call once before anything else. */
export default function init(options: { module_or_path: URL | string | Request }): Promise<unknown>;

/** Mounts the full page (hash routes) into an element. */
export function mountPage(root: Element): void;
/** Mounts the embedded widget (in-memory routes) into an element; `region` is `pack` or `pack/area`. */
export function mountWidget(root: Element, region?: string | null, mode?: 'resident' | 'hotline' | null): void;
