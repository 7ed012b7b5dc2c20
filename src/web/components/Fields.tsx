import { useLayoutEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { DateInput, Dropdown, DropdownItem, TextInput, Textarea } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldId } from './form.ts';
import type { FormController } from './useContractForm.ts';

type Common = {
  form: FormController;
  /** The API's dotted field path, e.g. `permanentAddress.postalCode`. */
  path: string;
  label: ReactNode;
  hint?: string | undefined;
  className?: string | undefined;
  required?: boolean | undefined;
};

/**
 * What every field shares: the id the error summary links to, its label and hint, and its error
 * (in the reader's language).
 */
function useFieldProps({ form, path, label, hint, className }: Common) {
  const { errorText } = useI18n();
  const error = form.errors[path];
  return {
    id: fieldId(path),
    className,
    labelText: label,
    hintText: hint,
    status: error ? ('error' as const) : ('default' as const),
    statusText: error ? errorText(error) : undefined,
    fullWidth: true,
  };
}

export function TextField({
  type = 'text',
  inputMode,
  maxLength,
  autoComplete = 'off',
  required,
  ...common
}: Common & {
  type?: 'text' | 'email' | 'tel' | 'password';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | undefined;
  maxLength?: number | undefined;
  autoComplete?: string | undefined;
}) {
  const { form, path } = common;
  return (
    <TextInput
      {...useFieldProps(common)}
      value={form.values[path] ?? ''}
      onChange={(value) => form.set(path, value === undefined ? '' : String(value))}
      onBlur={() => form.blur(path)}
      type={type}
      inputMode={inputMode}
      maxLength={maxLength ?? form.rules.maxLength.get(path)}
      autoComplete={autoComplete}
      aria-required={required || form.rules.required.has(path) || undefined}
    />
  );
}

export function TextAreaField(common: Common) {
  const { form, path } = common;
  return (
    <Textarea
      {...useFieldProps(common)}
      value={form.values[path] ?? ''}
      onChange={(event) => form.set(path, event.target.value)}
      onBlur={() => form.blur(path)}
      maxLength={form.rules.maxLength.get(path)}
      aria-required={common.required || form.rules.required.has(path) || undefined}
      resize="vertical"
      rows={4}
    />
  );
}

export function SelectField({
  placeholder,
  options,
  ...common
}: Common & { placeholder?: string; options: { value: string; label: string }[] }) {
  const { form, path } = common;
  const value = form.values[path] ?? '';
  return (
    <Dropdown
      {...useFieldProps(common)}
      visualPlaceholder={placeholder}
      value={value === '' ? null : value}
      onChange={(next: string) => form.set(path, next)}
    >
      {options.map((option) => (
        <DropdownItem key={option.value} value={option.value}>
          {option.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

/** A date typed as d.m.yyyy or picked from a calendar in the reader's language. */
export function DateField(common: Common) {
  const { form, path } = common;
  const { language } = useI18n();
  // suomifi's DateInput names its calendar button ("Choose date, selected date …") in the texts
  // it has when the value changes, and it starts with Finnish ones: a date shown from the start,
  // or kept across a change of language, left the button in Finnish. So the input is mounted anew
  // for each language and given its value one render later, once its texts are that language's.
  const [textsOf, setTextsOf] = useState<string | null>(null);
  useLayoutEffect(() => setTextsOf(language), [language]);
  return (
    <DateInput
      key={language}
      {...useFieldProps(common)}
      value={textsOf === language ? (form.values[path] ?? '') : ''}
      onChange={({ value }) => form.set(path, value)}
      onBlur={() => form.blur(path)}
      datePickerEnabled
      language={language}
    />
  );
}
