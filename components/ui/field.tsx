// Form fields: a label, the control, then either the error or the hint. The error is linked
// with aria-describedby so screen readers announce it with the field.
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { DateInput, type DateInputProps } from "@/components/ui/date-input";
import styles from "@/components/ui/ui.module.css";

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label, e.g. "optional". */
  labelNote?: ReactNode;
  children: (control: {
    id: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
    className?: string;
  }) => ReactNode;
}

export function Field({ label, hint, error, labelNote, children }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {labelNote ? (
          <>
            {" "}
            <span className={styles.optional}>{labelNote}</span>
          </>
        ) : null}
      </label>
      {children({
        id,
        "aria-invalid": Boolean(error),
        "aria-describedby": note ? noteId : undefined,
        className: styles.control,
      })}
      {error ? (
        <p id={noteId} className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={noteId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type FieldShellProps = Omit<FieldProps, "children">;

export function TextField({
  label,
  hint,
  error,
  labelNote,
  ...input
}: FieldShellProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Field {...{ label, hint, error, labelNote }}>{(control) => <input {...input} {...control} />}</Field>;
}

export function TextAreaField({
  label,
  hint,
  error,
  labelNote,
  ...textarea
}: FieldShellProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field {...{ label, hint, error, labelNote }}>{(control) => <textarea {...textarea} {...control} />}</Field>;
}

export function SelectField({
  label,
  hint,
  error,
  labelNote,
  ...select
}: FieldShellProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return <Field {...{ label, hint, error, labelNote }}>{(control) => <select {...select} {...control} />}</Field>;
}

/** A two-to-four-way choice shown at once (a radio group styled as segments). */
export function SegmentedControl<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: { value: Value; label: string }[];
  onChange: (value: Value) => void;
}) {
  return (
    <div className={styles.field}>
      <span className={styles.label}>{label}</span>
      <div role="radiogroup" aria-label={label} className={styles.segmented}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={option.value === value}
            className={styles.segment}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A day in the app's language (components/ui/date-input.tsx), not the browser's. */
export function DateField({ label, hint, error, labelNote, ...input }: FieldShellProps & DateInputProps) {
  return <Field {...{ label, hint, error, labelNote }}>{(control) => <DateInput {...input} {...control} />}</Field>;
}
