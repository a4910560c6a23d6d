/*
 * form-js 1.23 has no translation service: the palette, the properties panel and the
 * viewer's validation messages are English text in its code (bpmn-io/form-js#77). This
 * observer rewrites those texts, and the placeholder, title and aria-label attributes,
 * from a dictionary (messages forms.formjs, keyed by the English text without dots,
 * as next-intl keys may not hold them). A key with {0}, {1} ... matches a template
 * ("Field must have minimum value of {0}"). Preact writes a text node again only when
 * its own value changes, so a rewrite stays until then and is then rewritten again.
 */
export type Dictionary = Record<string, string>;

/** What the owner typed (field labels, descriptions, option labels): never "translated". */
const OWN_TEXT = ".fjs-form-field-label, .fjs-form-field-description, .fjs-form-field-text, .bio-properties-panel-header-label, .fjs-ff-lines td, option[data-own]";
const ATTRIBUTES = ["placeholder", "title", "aria-label"] as const;

type Template = { re: RegExp; to: string };

function compile(dict: Dictionary) {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [key, to] of Object.entries(dict)) {
    if (/\{\d\}/.test(key)) {
      const pattern = key.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\d)\\?\}/g, "(?<p$1>.+?)");
      templates.push({ re: new RegExp(`^${pattern}\\.?$`), to });
    } else exact.set(key, to);
  }
  return (text: string): string | null => {
    const trimmed = text.trim();
    if (!trimmed) return null;
    const hit = exact.get(trimmed.replace(/\./g, ""));
    if (hit !== undefined) return hit === trimmed ? null : text.replace(trimmed, hit);
    for (const t of templates) {
      const m = t.re.exec(trimmed);
      if (m) return text.replace(trimmed, t.to.replace(/\{(\d)\}/g, (_, i: string) => m.groups?.[`p${i}`] ?? ""));
    }
    return null;
  };
}

/** Starts translating `root` and what appears in it; returns the function that stops. */
export function translateDom(root: HTMLElement, dict: Dictionary): () => void {
  if (Object.keys(dict).length === 0) return () => undefined;
  const lookup = compile(dict);
  const fixText = (node: Text) => {
    if (node.parentElement?.closest(OWN_TEXT)) return;
    const next = lookup(node.data);
    if (next !== null && next !== node.data) node.data = next;
  };
  const fixElement = (el: Element) => {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      const next = value ? lookup(value) : null;
      if (next !== null && next !== value) el.setAttribute(name, next);
    }
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return fixText(node as Text);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    fixElement(el);
    el.querySelectorAll("[placeholder], [title], [aria-label]").forEach(fixElement);
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t; t = texts.nextNode()) fixText(t as Text);
  };
  walk(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") fixText(r.target as Text);
      else if (r.type === "attributes") fixElement(r.target as Element);
      else r.addedNodes.forEach(walk);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return () => observer.disconnect();
}
