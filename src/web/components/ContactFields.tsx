import { useI18n } from '../i18n/I18nProvider.tsx';
import { TextField } from './Fields.tsx';
import type { FormController } from './useContractForm.ts';

/** Each labelled `common.{path}` with the hint `common.{path}Hint`, and the keyboard it needs. */
const CONTACT_FIELDS = [
  { path: 'email', type: 'email' },
  { path: 'phone', type: 'tel' },
] as const;

/** Email and phone, as two cells of the surrounding field grid. */
export function ContactFields({ form }: { form: FormController }) {
  const { t } = useI18n();
  return CONTACT_FIELDS.map(({ path, type }) => (
    <TextField
      key={path}
      form={form}
      path={path}
      label={t(`common.${path}`)}
      hint={t(`common.${path}Hint`)}
      type={type}
      inputMode={type}
    />
  ));
}
