import "server-only";
import { AppError, isAppError } from "../../errors/app-error";

/**
 * compileFormJs (lib/workflow/form-js.ts) says why it refuses a schema in English
 * words, for logs and the API. The designer shows the reason in the owner's language:
 * each known reason becomes a message of forms.problems with its values, carried as the
 * error's `schema` field message ("key?name=value", see fieldMessage); an unknown
 * reason still reads through errors.form_schema_invalid.
 */
const REASONS: [RegExp, string, string[]][] = [
  [/^(.*): no options$/, "noOptions", ["field"]],
  [/^(.*): an option without a value$/, "optionWithoutValue", ["field"]],
  [/^(.*): the component type "(.*)" is not supported$/, "unsupportedType", ["field", "type"]],
  [/^(.*): the key "(.*)" must start with a letter and use letters, digits and _ only$/, "badKey", ["field", "key"]],
  [/^(.*): the condition "(.*)" cannot be used \(.*\)$/s, "badCondition", ["field", "condition"]],
  [/^(.*): only dates are supported, not times$/, "dateOnly", ["field"]],
  [/^(.*): the pattern cannot be used \(.*\)$/, "badPattern", ["field"]],
  [/^(.*): which lines \(linesFrom\) is missing$/, "linesFromMissing", ["field"]],
  [/^(.*): the receiving step \(lotStage\) must be one of .*$/, "lotStageMissing", ["field"]],
  [/^(.*): the put-away choices \(optionsFrom\) are missing$/, "putAwayOptionsMissing", ["field"]],
  [/^the key "(.*)" is used twice$/, "keyTwice", ["key"]],
  [/^more than (\d+) fields$/, "tooMany", ["max"]],
  [/^containers nested too deep$/, "tooDeep", []],
  [/^a component without a type$/, "noType", []],
  [/^not a form-js schema/, "notAForm", []],
  [/rule/, "rules", []],
];

/** The same error, with the reason as a translatable message when it is a known one. */
function explainSchemaError(e: unknown): unknown {
  if (!isAppError(e) || e.code !== "form_schema_invalid") return e;
  const reason = String(e.params.reason ?? "");
  for (const [re, code, names] of REASONS) {
    const m = re.exec(reason);
    if (!m) continue;
    const values = new URLSearchParams(names.map((n, i) => [n, (m[i + 1] ?? "").slice(0, 200)]));
    const query = values.size ? `?${values}` : "";
    return new AppError("form_schema_invalid", { params: e.params, fieldErrors: { schema: `forms.problems.${code}${query}` }, cause: e });
  }
  return e;
}

/** Runs a step that compiles a schema, with its refusal explained. */
export async function explained<T>(step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw explainSchemaError(e);
  }
}
