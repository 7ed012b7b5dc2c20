import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/catalogues.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The language menu of every page's header: staff and public pages alike. */
export function LanguageChoice({
  className,
  onChosen,
}: {
  className: string;
  /** Besides switching the page's language (a public page also puts it in its address). */
  onChosen?: (language: Language) => void;
}) {
  const { t, language, setLanguage } = useI18n();
  return (
    <LanguageMenu
      className={className}
      buttonText={`${LANGUAGE_NAMES[language]} (${language.toUpperCase()})`}
      aria-label={`${LANGUAGE_NAMES[language]} (${language.toUpperCase()}) – ${t('shell.chooseLanguage')}`}
    >
      {LANGUAGES.map((option) => (
        <LanguageMenuItem
          key={option}
          lang={option}
          selected={option === language}
          onSelect={() => {
            setLanguage(option);
            onChosen?.(option);
          }}
        >
          {`${LANGUAGE_NAMES[option]} (${option.toUpperCase()})`}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
