/** A private answer chosen among options: sent as soon as it is chosen, seen only by its author. */
export function PrivateChoice({
  legend,
  name,
  options,
  value,
  disabled,
  onChoose,
  className,
  optionClassName,
  hideLegend = false,
}: {
  legend: string;
  name: string;
  options: readonly { value: number; label: string }[];
  value: number | null;
  disabled: boolean;
  onChoose: (value: number) => void;
  className: string;
  optionClassName: string;
  hideLegend?: boolean;
}) {
  return (
    <fieldset className={className}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className={optionClassName}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={disabled}
            onChange={() => onChoose(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
