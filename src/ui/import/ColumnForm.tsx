/**
 * The column mapping of "Import history…": one select per slot (an event log's ticket id,
 * time, status, team…, or a ticket table's created, resolved, group…), each listing the
 * file's header; required slots say so and start on "— choose —".
 */

export interface ColumnSlot<K extends string> {
  key: K;
  label: string;
  required: boolean;
}

export function ColumnForm<K extends string>(props: {
  slots: readonly ColumnSlot<K>[];
  header: readonly string[];
  values: Record<K, string>;
  onChange: (values: Record<K, string>) => void;
}) {
  const { slots, header, values, onChange } = props;
  return (
    <div className="import-columns" data-testid="import-history-columns">
      {slots.map((s) => (
        <label key={s.key}>
          <span>
            {s.label}
            {s.required ? " *" : ""}
          </span>
          <select
            data-testid={`import-column-${s.key}`}
            value={values[s.key]}
            onChange={(e) => onChange({ ...values, [s.key]: e.target.value })}
          >
            <option value="">{s.required ? "— choose —" : "— none —"}</option>
            {header.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

/** The slots of `values` that are required and not chosen, by label. */
export function missingSlots<K extends string>(slots: readonly ColumnSlot<K>[], values: Record<K, string>): string[] {
  return slots.filter((s) => s.required && !values[s.key]).map((s) => s.label);
}
