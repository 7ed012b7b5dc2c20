import { useMemo } from 'react';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import { accessibilityApi } from '../../../contract/privacy-statement/accessibility.endpoints.ts';
import { TextAreaField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { textOrNull } from '../../components/form.ts';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { NotPublished } from './NotPublished.tsx';
import { StatementArticle } from './Statement.tsx';
import { PUBLIC_PATHS } from './public-paths.ts';

/** The accessibility statement (Act 306/2019) with its feedback form. */
export function AccessibilityPage() {
  const { language } = useI18n();
  const statement = useCall(accessibilityApi.statement, { query: { lang: language } });
  return (
    <Loaded query={statement} failed={(error) => <NotPublished error={error} />}>
      {(shown) => (
        <StatementArticle
          language={shown.language}
          title={shown.title}
          sections={shown.sections}
          lines={
            <p className="statement__register">
              {shown.serviceName} · {shown.controllerName} · {formatDate(shown.assessedOn)}
            </p>
          }
          after={{ feedback: <FeedbackForm /> }}
        />
      )}
    </Loaded>
  );
}

function FeedbackForm() {
  const { t, language } = useI18n();
  const initial = useMemo(() => ({ message: '', email: '', name: '' }), []);
  const { form, submit, busy, attempt, failure, saved } = useContractForm({
    endpoint: accessibilityApi.sendFeedback,
    initial,
    input: (values) => ({
      body: {
        message: (values.message ?? '').trim(),
        email: textOrNull(values, 'email'),
        name: textOrNull(values, 'name'),
        page: PUBLIC_PATHS.accessibility,
        language,
      },
    }),
    emptyWhenSaved: true,
    checkOnBlur: false,
  });
  const labels = {
    message: t('public.feedback.message'),
    email: t('public.feedback.email'),
    name: t('public.feedback.name'),
  };
  return (
    <div className="feedback">
      <Heading variant="h3">{t('public.feedback.title')}</Heading>
      <div role="status">
        {saved && (
          <InlineAlert status="neutral" className="notice notice--success">
            {t('public.feedback.sent')}
          </InlineAlert>
        )}
      </div>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <form noValidate onSubmit={submit} className="form">
        <TextAreaField
          form={form}
          path="message"
          label={labels.message}
          hint={t('public.feedback.messageHint')}
        />
        <TextField
          form={form}
          path="email"
          label={labels.email}
          type="email"
          inputMode="email"
          autoComplete="email"
        />
        <TextField form={form} path="name" label={labels.name} autoComplete="name" />
        <div className="form-actions form-actions--inline">
          <Button type="submit" disabled={busy}>
            {t('public.feedback.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}
