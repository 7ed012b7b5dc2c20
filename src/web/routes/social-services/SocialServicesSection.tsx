import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Dropdown, DropdownItem, InlineAlert, TextInput } from 'suomifi-ui-components';
import type { PersonView } from '../../api.ts';
import { ApiError } from '../../client.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { fieldRules } from '../../components/schema-rules.ts';
import { useCall } from '../../data.ts';
import { formatTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { BreakGlass } from './BreakGlass.tsx';
import { ClientRecords } from './ClientRecords.tsx';
import { ClientSummary } from './ClientSummary.tsx';
import { isOneOf, purposeText, READ_PURPOSES, type ReadPurpose } from './client-forms.ts';
import { Relationships } from './Relationships.tsx';
import type { WorkerOptionsView } from '../../../contract/social-services/social-services.schemas.ts';
import { socialServicesApi } from '../../../contract/social-services/social-services.endpoints.ts';
import './social-services.css';

/**
 * Purposes stated in this page's life, by user and person: going back from a relative to the
 * client keeps the purpose stated for the client. Another user signing in on the same page, or a
 * reload, is asked again.
 */
const statedPurposes = new Map<string, string>();

const PURPOSE_MAX = fieldRules(socialServicesApi.overview.query).maxLength.get('purpose');

/** The refusal the server gives alike for clients of other units and for non-clients. */
export const isNoRelationship = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.status === 403 &&
  error.problem.reason === 'no_client_relationship';

/**
 * A person's social-services client data, for a social worker. Nothing of it is read when the
 * person's page opens: the worker opens the section on demand, states why the data is read, and
 * that read is its own access-log entry (`socialClient`, with the purpose), apart from the page's.
 * The data then opens through a client relationship of the worker's unit, or for reading only
 * after breaking the glass. Whether the person is a client at all is told only to those the
 * server opens it to.
 */
export function SocialServicesSection({ person }: { person: PersonView }) {
  const { t } = useI18n();
  const me = useMe();
  const remembered = `${me.id}:${person.id}`;
  const [shown, setShown] = useState(false);
  const [purpose, setPurpose] = useState<string | null>(
    () => statedPurposes.get(remembered) ?? null,
  );
  const purposeLine = useRef<HTMLParagraphElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const [focusOn, setFocusOn] = useState<'purpose' | 'show' | null>(null);

  useEffect(() => {
    if (focusOn === 'purpose') purposeLine.current?.focus();
    if (focusOn === 'show') showButton.current?.focus();
  }, [focusOn, purpose, shown]);

  const state = (next: string | null) => {
    if (next === null) statedPurposes.delete(remembered);
    else statedPurposes.set(remembered, next);
    setPurpose(next);
    setFocusOn(next !== null ? 'purpose' : null);
  };

  if (!shown) {
    return (
      <Section title={t('social.title')} className="record__wide social">
        <p className="fieldset__hint">{t('social.showIntro')}</p>
        <Button
          variant="secondary"
          ref={showButton}
          onClick={() => {
            setShown(true);
            setFocusOn(purpose !== null ? 'purpose' : null);
          }}
        >
          {t('social.show')}
        </Button>
      </Section>
    );
  }

  const hide = (
    <Button
      variant="secondaryNoBorder"
      onClick={() => {
        setShown(false);
        setFocusOn('show');
      }}
    >
      {t('social.hide')}
    </Button>
  );
  return (
    <Section title={t('social.title')} className="record__wide social">
      {purpose === null ? (
        <>
          <PurposeForm onStated={state} />
          {hide}
        </>
      ) : (
        <>
          <div className="social__purpose">
            <p ref={purposeLine} tabIndex={-1}>
              {t('social.purposeIs')} <strong>{purpose}</strong>
            </p>
            <Button variant="secondaryNoBorder" onClick={() => state(null)}>
              {t('social.changePurpose')}
            </Button>
            {hide}
          </div>
          <ClientData person={person} purpose={purpose} />
        </>
      )}
    </Section>
  );
}

function PurposeForm({ onStated }: { onStated: (purpose: string) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [choice, setChoice] = useState<ReadPurpose | ''>('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<{ choice?: string; other?: string }>({});
  const otherInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = purposeText(choice, other, (purpose) => t(`social.purpose.${purpose}`));
    if (text !== null) {
      onStated(text);
      return;
    }
    if (choice === 'other') {
      setError({ other: t('social.purposeOtherMissing') });
      otherInput.current?.focus();
    } else {
      setError({ choice: t('social.purposeMissing') });
    }
  };

  return (
    <form className="social-purpose" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId} className="social__subheading">
        {t('social.purposeTitle')}
      </h3>
      <p className="fieldset__hint">{t('social.purposeIntro')}</p>
      <div className="field-grid">
        <Dropdown
          id="social-purpose"
          labelText={t('social.purposeLabel')}
          visualPlaceholder={t('form.choose')}
          value={choice === '' ? null : choice}
          onChange={(value: string) => {
            setChoice(isOneOf(READ_PURPOSES, value) ? value : '');
            setError({});
          }}
          status={error.choice ? 'error' : 'default'}
          statusText={error.choice}
          fullWidth
        >
          {READ_PURPOSES.map((purpose) => (
            <DropdownItem key={purpose} value={purpose}>
              {t(`social.purpose.${purpose}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        {choice === 'other' && (
          <TextInput
            id="social-purpose-other"
            ref={otherInput}
            labelText={t('social.purposeOther')}
            hintText={t('social.purposeOtherHint')}
            value={other}
            maxLength={PURPOSE_MAX}
            autoComplete="off"
            onChange={(value) => setOther(value === undefined ? '' : String(value))}
            status={error.other ? 'error' : 'default'}
            statusText={error.other}
            fullWidth
          />
        )}
      </div>
      <Button type="submit" className="social-purpose__submit">
        {t('social.open')}
      </Button>
    </form>
  );
}

/** The client's data under the stated purpose, or the way to open it when it is closed. */
function ClientData({ person, purpose }: { person: PersonView; purpose: string }) {
  const { t } = useI18n();
  // A change invalidates the overview: it is read anew while the data stays on the page (and
  // keeps the focus).
  const overview = useCall(socialServicesApi.overview, {
    params: { id: person.id },
    query: { purpose },
  });
  const options = useCall(socialServicesApi.options, {});
  const [statusLine, setMessage] = useStatusMessage('social-status');

  /** After a change: say what happened (the message takes the focus). */
  const changed = (text: string) => setMessage(text);
  const workerOptions: WorkerOptionsView = options.data ?? { units: [], needTypes: [] };

  if (overview.isError) {
    if (!isNoRelationship(overview.error)) return <ProblemNotice error={overview.error} />;
    return (
      <>
        {statusLine}
        <InlineAlert className="notice" labelText={t('social.closed.title')}>
          {t('social.closed.text')}
        </InlineAlert>
        <div className="social-closed">
          {options.isError && <ProblemNotice error={options.error} />}
          <Relationships
            personId={person.id}
            relationships={null}
            units={workerOptions.units}
            readOnly={false}
            onChanged={changed}
          />
          <BreakGlass personId={person.id} onOpened={changed} />
        </div>
      </>
    );
  }
  const data = overview.data;
  if (!data) return <Loading />;
  const readOnly = data.access === 'breakGlass';

  return (
    <>
      {statusLine}
      {data.breakGlassExpiresAt && (
        <InlineAlert
          status="warning"
          className="notice"
          labelText={t(readOnly ? 'social.glassBroken.title' : 'social.otherUnitsOpen.title')}
        >
          {t(readOnly ? 'social.glassBroken.text' : 'social.otherUnitsOpen.text', {
            time: formatTime(data.breakGlassExpiresAt),
          })}
        </InlineAlert>
      )}
      <Relationships
        personId={person.id}
        relationships={data.relationships}
        units={workerOptions.units}
        readOnly={readOnly}
        onChanged={changed}
      />
      <ClientSummary personId={person.id} purpose={purpose} />
      <ClientRecords
        personId={person.id}
        purpose={purpose}
        readOnly={readOnly}
        needTypes={workerOptions.needTypes}
      />
      {!data.breakGlassExpiresAt && (
        <BreakGlass personId={person.id} onOpened={changed} otherUnits />
      )}
    </>
  );
}
