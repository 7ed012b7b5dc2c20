import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export type DataItem = { label: string; value: ReactNode; key?: string };

/** Label–value pairs of a record; a missing value says so in words, not with a dash. */
export function DataList({ items }: { items: DataItem[] }) {
  const { t } = useI18n();
  return (
    <dl className="data-list">
      {items.map((item) => (
        <div className="data-list__row" key={item.key ?? item.label}>
          <dt>{item.label}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <span className="muted">{t('common.notGiven')}</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
