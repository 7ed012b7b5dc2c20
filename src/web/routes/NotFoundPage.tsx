import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph mb="m">{t('notFound.text')}</Paragraph>
      <RouterLink asComponent={Link} to="/search">
        {t('nav.toSearch')}
      </RouterLink>
    </>
  );
}
