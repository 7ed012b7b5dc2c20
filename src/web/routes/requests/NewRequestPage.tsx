import { useNavigate, useSearchParams } from 'react-router';
import { Paragraph } from 'suomifi-ui-components';
import { useCall } from '../../data.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DateField, SelectField } from '../../components/Fields.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { isLanguage } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { helsinkiToday, isUuid } from '../access-log/access-log.ts';
import type { SavedState } from '../../components/SavedNotice.tsx';
import type { RequestChannel, RequestType } from '../../../contract/enums.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import { CHANNEL_LABELS, isoDate, LANGUAGE_LABELS, options, TYPE_LABELS } from './requests.ts';
import { REQUEST_LISTS } from './request-lists.ts';
import { StepForm } from '../../components/StepForm.tsx';
import './requests.css';

/**
 * A data subject's request as received: whose, what, when, how and in which language. From a
 * person's page the person comes chosen (`?personId=`).
 */
export function NewRequestPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const preselected = isUuid(personId) ? personId : '';
  const person = useCall(
    personsApi.get,
    { params: { id: preselected } },
    { enabled: preselected !== '' },
  );
  const chosen = preselected ? person.data : null;

  return (
    <div className="requests">
      <BackLink to={preselected ? `/persons/${preselected}` : '/requests'}>
        {chosen
          ? t('nav.backToPerson', { name: `${chosen.firstName} ${chosen.lastName}` })
          : t('requests.backToList')}
      </BackLink>
      <PageHeading title={t('requests.newTitle')} />
      <Paragraph mb="m">{t('requests.newIntro')}</Paragraph>
      {preselected && person.isPending && <Loading />}
      {person.isError && <ProblemNotice error={person.error} />}
      {chosen !== undefined && (
        <NewRequestForm
          person={chosen}
          language={chosen?.language && isLanguage(chosen.language) ? chosen.language : 'fi'}
        />
      )}
    </div>
  );
}

function NewRequestForm({ person, language }: { person: PickedPerson | null; language: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const labels: Record<string, string> = {
    personId: t('requests.person'),
    type: t('requests.typeLabel'),
    receivedOn: t('requests.receivedOn'),
    channel: t('requests.channel'),
    language: t('requests.language'),
  };
  return (
    <Section title={t('requests.newSection')}>
      <StepForm
        title={t('requests.newFormTitle')}
        endpoint={requestsApi.create}
        invalidates={REQUEST_LISTS}
        initial={{
          personId: person?.id ?? '',
          type: '',
          receivedOn: formatDate(helsinkiToday()),
          channel: '',
          language,
        }}
        dates={['receivedOn']}
        labels={labels}
        submitText={t('requests.create')}
        input={(values) => ({
          body: {
            personId: values.personId ?? '',
            type: values.type as RequestType,
            receivedOn: isoDate(values, 'receivedOn'),
            channel: values.channel as RequestChannel,
            language: values.language as 'fi' | 'sv' | 'en',
          },
        })}
        onDone={(created) => {
          const state: SavedState = { saved: 'created' };
          void navigate(`/requests/${created.id}`, { state });
        }}
      >
        {(form) => (
          <>
            <PersonPicker
              form={form}
              path="personId"
              className="span-all"
              initial={person}
              texts={{
                find: t('requests.findPerson'),
                findHint: t('requests.findPersonHint'),
                chosen: t('requests.personChosen'),
                change: t('requests.changePerson'),
                choose: t('requests.choosePerson'),
                chooseNamed: (name) => t('requests.choosePersonNamed', { name }),
              }}
            />
            <SelectField
              form={form}
              path="type"
              label={labels.type}
              placeholder={t('form.choose')}
              options={options(TYPE_LABELS, t)}
            />
            <DateField
              form={form}
              path="receivedOn"
              label={labels.receivedOn}
              hint={t('requests.receivedOnHint')}
            />
            <SelectField
              form={form}
              path="channel"
              label={labels.channel}
              placeholder={t('form.choose')}
              options={options(CHANNEL_LABELS, t)}
            />
            <SelectField
              form={form}
              path="language"
              label={labels.language}
              hint={t('requests.languageHint')}
              options={options(LANGUAGE_LABELS, t)}
            />
          </>
        )}
      </StepForm>
    </Section>
  );
}
