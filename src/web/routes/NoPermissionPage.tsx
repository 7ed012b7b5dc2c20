import { Link } from 'react-router';
import { Paragraph, RouterLink } from 'suomifi-ui-components';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../contract/auth/permissions.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { homeLabel, homePath } from '../home.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useMe } from '../session.tsx';

/**
 * Stands in for a page the user's role may not use: which permission the page needs, which roles
 * have it, and the way back to the user's own start page, instead of a form the server refuses.
 */
export function NoPermissionPage({ permission }: { permission: Permission }) {
  const { t } = useI18n();
  const me = useMe();
  const home = homePath(me.can);
  const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
  return (
    <>
      <PageHeading title={t('noPermission.title')} />
      <Paragraph mb="m">
        {t('noPermission.text', {
          role: t(`role.${me.role}`),
          permission: t(`permission.${permission}`),
        })}
      </Paragraph>
      <Paragraph mb="m">
        {t('noPermission.roles', { roles: roles.map((role) => t(`role.${role}`)).join(', ') })}
      </Paragraph>
      <Paragraph mb="m">{t('noPermission.ask')}</Paragraph>
      <RouterLink asComponent={Link} to={home}>
        {t(homeLabel(home))}
      </RouterLink>
    </>
  );
}
