/*
 * Keeps elements the runtime refuses (script tasks, complex gateways,
 * transactions, ad-hoc sub-processes) out of the replace menu, so process
 * owners are not offered what publishing would reject anyway.
 */
const REFUSED = ["script-task", "complex-gateway", "transaction", "ad-hoc-subprocess", "expanded-ad-hoc-subprocess", "collapsed-ad-hoc-subprocess"];

type Entries = Record<string, unknown>;

function RuntimeReplaceMenu(popupMenu: { registerProvider: (id: string, priority: number, provider: unknown) => void }) {
  popupMenu.registerProvider("bpmn-replace", 100, {
    getPopupMenuEntries: () => (entries: Entries) => {
      const out: Entries = {};
      for (const [id, e] of Object.entries(entries)) if (!REFUSED.some((r) => id === `replace-with-${r}`)) out[id] = e;
      return out;
    },
  });
}
RuntimeReplaceMenu.$inject = ["popupMenu"];

export const runtimePaletteModule = {
  __init__: ["ffRuntimeReplaceMenu"],
  ffRuntimeReplaceMenu: ["type", RuntimeReplaceMenu],
};
