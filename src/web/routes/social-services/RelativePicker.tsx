import { PersonPicker } from '../../components/PersonPicker.tsx';
import type { FormController } from '../../components/useContractForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The relative of a new family relation: a person of the register, into `relatedPersonId`. */
export function RelativePicker({ form, clientId }: { form: FormController; clientId: string }) {
  const { t } = useI18n();
  return (
    <PersonPicker
      form={form}
      path="relatedPersonId"
      className="span-all"
      texts={{
        find: t('social.family.find'),
        findHint: t('social.family.findHint'),
        chosen: t('social.family.chosen'),
        change: t('social.family.change'),
        choose: t('social.family.choose'),
        chooseNamed: (name) => t('social.family.chooseNamed', { name }),
      }}
      excluded={{ id: clientId, text: t('social.family.isClient') }}
    />
  );
}
