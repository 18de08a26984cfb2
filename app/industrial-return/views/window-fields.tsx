import { MAX_YEAR, MIN_YEAR } from './dashboard-query.ts'

/**
 * The "From year" and "To year" inputs of a window form (the dashboard and the pages of departments
 * and groups); the caller's `.row` holds them beside its other filters.
 */
export function YearWindowFields({ fromYear, toYear }: { fromYear: number; toYear: number }) {
  return (
    <>
      <div className="field">
        <label htmlFor="from">From year</label>
        <input id="from" name="from" type="number" min={MIN_YEAR} max={MAX_YEAR} defaultValue={fromYear} />
      </div>
      <div className="field">
        <label htmlFor="to">To year</label>
        <input id="to" name="to" type="number" min={MIN_YEAR} max={MAX_YEAR} defaultValue={toYear} />
      </div>
    </>
  )
}

/** A select of a filter form, named as its id; `options` lists value and label in the order shown. */
export function SelectField({ id, label, value, options }: { id: string; label: string; value: string; options: readonly (readonly [value: string, label: string])[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}
