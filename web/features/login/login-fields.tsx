import type { ReactNode, Ref } from 'react';
import type { LabelPair } from '../../domain/label-pair';

/** A labelled field: Chinese label first, English after. */
export function Field({
  id,
  label,
  children,
}: {
  id: string;
  label: LabelPair;
  children: ReactNode;
}) {
  return (
    <div className="login__field">
      <label className="login__label" htmlFor={id}>
        {label.zh} <span className="login__label-latin">{label.en}</span>
      </label>
      {children}
    </div>
  );
}

/** Props of {@link TextInput}. */
export interface TextInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Passwords and keys are masked. */
  secret?: boolean;
  autoComplete: string;
  autoFocus?: boolean;
  /** The contract's limit for this field. */
  maxLength: number;
  ref?: Ref<HTMLInputElement>;
}

/** A required single-line input in the log-in card's style. */
export function TextInput({ id, value, onChange, secret, ref, ...rest }: TextInputProps) {
  return (
    <input
      {...rest}
      id={id}
      ref={ref}
      className="login__input"
      type={secret ? 'password' : 'text'}
      required
      autoCapitalize="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
