import { Route, Routes } from 'react-router';
import { AccessibilityPage } from './AccessibilityPage.tsx';
import { CookiesPage } from './CookiesPage.tsx';
import { PrivacyStatementPage } from './PrivacyStatementPage.tsx';
import { PUBLIC_PATHS } from './public-paths.ts';
import { PublicShell } from './PublicShell.tsx';

/**
 * The pages anyone may read without signing in (issue #17): the privacy statement, the
 * accessibility statement with its feedback form and the cookie notice, in Finnish, Swedish or English, made for a phone first. The language is in the address
 * (`?lang=sv`) so a link keeps it.
 */
export function PublicPages() {
  return (
    <PublicShell brand={{ to: PUBLIC_PATHS.privacyStatement, name: 'public.municipalityServices' }}>
      <Routes>
        <Route path="privacy-statement" element={<PrivacyStatementPage />} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        <Route path="cookies" element={<CookiesPage />} />
        <Route path="*" element={<PrivacyStatementPage />} />
      </Routes>
    </PublicShell>
  );
}
