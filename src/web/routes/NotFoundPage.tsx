import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { PageHeading } from '../components/PageHeading.tsx';
import { homeLabel, homePath } from '../home.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useMe } from '../session.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const me = useMe();
  const home = homePath(me.can);
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph mb="m">{t('notFound.text')}</Paragraph>
      <RouterLink asComponent={Link} to={home}>
        {t(homeLabel(home))}
      </RouterLink>
    </>
  );
}
