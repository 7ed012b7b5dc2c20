import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { Section } from '../../components/Section.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { useCall } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Answer } from '../../../contract/endpoint.ts';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';

type ValueSourceItem = Answer<typeof valueSourcesApi.ofPerson>['items'][number];

/** The source as words: "Kumppani: Posti Oy · osoitteet.csv". */
export function useSourceText() {
  const { t } = useI18n();
  return (source: Pick<ValueSourceItem, 'kind' | 'partnerName' | 'requestNumber' | 'reference'>) =>
    [
      t(`rectification.kind.${source.kind}`) +
        (source.partnerName ? `: ${source.partnerName}` : '') +
        (source.requestNumber !== null
          ? ` (${t('rectification.sources.request', { number: source.requestNumber })})`
          : ''),
      source.reference,
    ]
      .filter(Boolean)
      .join(' · ');
}

function SourceTable({ items, caption }: { items: ValueSourceItem[]; caption: string }) {
  const { t } = useI18n();
  const sourceText = useSourceText();
  return (
    <div className="log-table__scroll">
      <table className="log-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rectification.sources.field')}</th>
            <th scope="col">{t('rectification.sources.source')}</th>
            <th scope="col">{t('rectification.sources.recorded')}</th>
            <th scope="col">{t('rectification.sources.by')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={`${item.field}-${index}`}>
              <th scope="row">{t(`rectification.field.${item.field}`)}</th>
              <td>{sourceText(item)}</td>
              <td>{formatDateTime(item.recordedAt)}</td>
              <td>{item.recordedByName ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Where each of the person's values came from, and when: the current sources first. Loaded when
 * asked for — the read is logged for the person, so an ordinary visit to the page does not.
 */
export function ValueSources({ personId }: { personId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Section title={t('rectification.sources.title')} className="record__wide">
      {open ? (
        <SourceList personId={personId} />
      ) : (
        <>
          <p>{t('rectification.sources.intro')}</p>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('rectification.sources.show')}
          </Button>
        </>
      )}
    </Section>
  );
}

function SourceList({ personId }: { personId: string }) {
  const sources = useCall(valueSourcesApi.ofPerson, { params: { id: personId } });
  return <Loaded query={sources}>{(data) => <SourceTables items={data.items} />}</Loaded>;
}

function SourceTables({ items }: { items: ValueSourceItem[] }) {
  const { t } = useI18n();
  const [showEarlier, setShowEarlier] = useState(false);
  const current = items.filter((item) => item.current);
  const earlier = items.filter((item) => !item.current);
  if (items.length === 0) {
    return <p className="muted">{t('rectification.sources.none')}</p>;
  }
  return (
    <>
      <p>{t('rectification.sources.intro')}</p>
      <SourceTable items={current} caption={t('rectification.sources.title')} />
      {earlier.length > 0 &&
        (showEarlier ? (
          <>
            <h3>{t('rectification.sources.earlier')}</h3>
            <SourceTable items={earlier} caption={t('rectification.sources.earlier')} />
          </>
        ) : (
          <Button variant="secondary" onClick={() => setShowEarlier(true)}>
            {t('rectification.sources.showEarlier', { count: earlier.length })}
          </Button>
        ))}
    </>
  );
}
