import type { ReactNode } from 'react';
import { Dropdown, DropdownItem, TextInput, Textarea } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldId } from './form.ts';
import type { FormController } from './useForm.ts';

type Common = {
  form: FormController;
  /** The API's dotted field path, e.g. `permanentAddress.postalCode`. */
  path: string;
  label: ReactNode;
  hint?: string | undefined;
  className?: string | undefined;
  required?: boolean | undefined;
};

export function TextField({
  form,
  path,
  label,
  hint,
  className,
  required,
  type = 'text',
  inputMode,
  maxLength,
  autoComplete = 'off',
}: Common & {
  type?: 'text' | 'email' | 'tel' | 'password';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | undefined;
  maxLength?: number | undefined;
  autoComplete?: string | undefined;
}) {
  const { errorText } = useI18n();
  const error = form.errors[path];
  return (
    <TextInput
      id={fieldId(path)}
      className={className}
      labelText={label}
      hintText={hint}
      value={form.values[path] ?? ''}
      onChange={(value) => form.set(path, value === undefined ? '' : String(value))}
      onBlur={() => form.blur(path)}
      status={error ? 'error' : 'default'}
      statusText={error ? errorText(error) : undefined}
      type={type}
      inputMode={inputMode}
      maxLength={maxLength}
      autoComplete={autoComplete}
      aria-required={required || undefined}
      fullWidth
    />
  );
}

export function TextAreaField({ form, path, label, hint, className }: Common) {
  const { errorText } = useI18n();
  const error = form.errors[path];
  return (
    <Textarea
      id={fieldId(path)}
      className={className}
      labelText={label}
      hintText={hint}
      value={form.values[path] ?? ''}
      onChange={(event) => form.set(path, event.target.value)}
      onBlur={() => form.blur(path)}
      status={error ? 'error' : 'default'}
      statusText={error ? errorText(error) : undefined}
      resize="vertical"
      rows={4}
      fullWidth
    />
  );
}

export function SelectField({
  form,
  path,
  label,
  hint,
  className,
  placeholder,
  options,
}: Common & { placeholder?: string; options: { value: string; label: string }[] }) {
  const { errorText } = useI18n();
  const error = form.errors[path];
  const value = form.values[path] ?? '';
  return (
    <Dropdown
      id={fieldId(path)}
      className={className}
      labelText={label}
      hintText={hint}
      visualPlaceholder={placeholder}
      value={value === '' ? null : value}
      onChange={(next: string) => form.set(path, next)}
      status={error ? 'error' : 'default'}
      statusText={error ? errorText(error) : undefined}
      fullWidth
    >
      {options.map((option) => (
        <DropdownItem key={option.value} value={option.value}>
          {option.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
