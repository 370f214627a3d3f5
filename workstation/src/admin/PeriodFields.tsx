/** « Du … Au … »: the period pickers of the statistics and the audit trail. */
export function PeriodFields(props: {
  from: string;
  to: string;
  setFrom: (day: string) => void;
  setTo: (day: string) => void;
}) {
  return (
    <>
      <label>
        Du
        <input type="date" value={props.from} onChange={(e) => props.setFrom(e.target.value)} />
      </label>
      <label>
        Au
        <input type="date" value={props.to} onChange={(e) => props.setTo(e.target.value)} />
      </label>
    </>
  );
}
