// TypeScript definitions for app.js: the page and the embedded widget (embed.js uses these; most
// hosts need only the <low-income-check> element). The partner JS API is api.js (api.d.ts).

/** Loads the WebAssembly; call once before anything else. */
export default function init(options: { module_or_path: URL | string | Request }): Promise<unknown>;

/** Mounts the full page (hash routes) into an element. */
export function mountPage(root: Element): void;

/** One category as the `result` event tells it: codes for programs, names and labels in Chinese. */
export interface ResultCategory {
  category: 'destitute' | 'dibao' | 'dibao_solo_disabled' | 'dibao_solo_marginal_member' | 'expenditure_poverty'
    | 'phase_out' | 'marginal' | 'rigid_expenditure' | 'temporary_assistance';
  name: string;
  status: 'likely' | 'needs_local_check' | 'unlikely' | 'not_applicable';
  status_label: string;
}
/** `event.detail` of the element's `result` event: no answer, only what was concluded. */
export interface ResultDetail {
  /** Without a 低保标准: what the answer at every standard leads with at the highest standards. */
  best: ResultCategory | null;
  categories: ResultCategory[];
}

/** A mounted widget. */
export interface Widget {
  /** False when `region` is not a built-in pack or area; the widget then says so and lets the visitor choose. */
  readonly regionKnown: boolean;
  destroy(): void;
}
/**
 * Mounts the embedded widget (in-memory routes) into an element. `region` is `pack` or `pack/area`
 * (the same area ids as the JS API; a city's id places the visitor in the city as a whole, no district chosen); `areaKind` presets 城市/农村.
 */
export function mountWidget(
  root: Element,
  region?: string | null,
  mode?: 'resident' | 'hotline' | null,
  areaKind?: 'urban' | 'rural' | null,
  onResult?: ((detail: ResultDetail) => void) | null,
): Widget;

declare global {
  interface HTMLElementEventMap {
    /** Fired by <low-income-check> once per completed assessment the visitor sees. */
    result: CustomEvent<ResultDetail>;
  }
}
