import type { FirstScreenCatalogue } from './catalogue.ts';

/** The first screen's part of the English catalogue (first-screen-fi.ts gives its keys). */
export const enFirstScreen: FirstScreenCatalogue = {
  messages: {
    'app.name': 'Asiakasrekisteri',
    'app.tagline': "The municipality's customer register",

    'shell.skipToContent': 'Skip to content',
    'shell.mainNavigation': 'Main menu',
    'shell.signedInAs': 'Signed in:',
    'shell.signOut': 'Sign out',
    'shell.chooseLanguage': 'choose language',
    'shell.footer':
      'Asiakasrekisteri – personal data is processed only for your work. Every view and change is logged.',
    'shell.noCommitment':
      'You have not signed the confidentiality commitment, so customer data does not open for you.',

    'nav.search': 'Search',
    'nav.newPerson': 'New person',
    'nav.newOrganization': 'New organisation',
    'nav.breadcrumb': 'Back link',
    'nav.toSearch': 'To customer search',
    'nav.backToResults': 'Back to search results',
    'nav.backToPerson': 'Back: {name}',
    'nav.backToOrganization': 'Back: {name}',

    'role.admin': 'administrator',
    'role.customer_service': 'customer service',
    'role.billing': 'billing',
    'role.social_worker': 'social worker',
    'role.register_officer': 'register officer',
    'role.auditor': 'auditor',
    'role.contractor': 'contractor',

    'common.loading': 'Loading…',
    'common.search': 'Search',
    'common.edit': 'Edit',
    'common.archive': 'Archive',
    'common.archived': 'Archived',
    'common.cancel': 'Cancel',
    'common.saveChanges': 'Save changes',
    'common.notGiven': 'Not given',
    'common.email': 'Email',
    'common.phone': 'Phone',
    'common.emailHint': 'E.g. jane.doe@example.fi',
    'common.phoneHint': 'E.g. 040 123 4567 or +46 8 123 456',
    'common.address': 'Address',
    'common.notes': 'Notes',
    'common.notesHint':
      'Do not write health data or other special categories of personal data here.',
    'common.noNotes': 'No notes.',
    'common.created': 'Created {date}',
    'common.updated': 'changed {date}',
    'common.createdNotice': 'The record was saved in the register.',
    'common.updatedNotice': 'The changes were saved.',

    'kind.person': 'Person',
    'kind.organization': 'Organisation',

    'form.unsaved.title': 'Leave without saving?',
    'form.unsaved.explanation':
      'The changes you made on this page have not been saved. If you leave the page, they are lost.',
    'form.unsaved.leave': 'Leave without saving',
    'form.unsaved.stay': 'Stay on the page',

    'problem.network':
      'The server could not be reached. Check the network connection and try again.',
    'problem.invalid': 'The request was not valid.',
    'problem.forbidden': 'You do not have the right to do this.',
    'problem.notFound': 'Not found. It may have been removed, or the address is wrong.',
    'problem.conflict': 'This conflicts with the data in the register.',
    'problem.tooMany': 'Too many attempts. Wait a moment and try again.',
    'problem.server':
      'Something went wrong in the service. The error has been logged; try again shortly.',
    'problem.unexpected': 'Unexpected error. Try again.',

    'signIn.title': 'Sign in',
    'signIn.intro':
      'Asiakasrekisteri is for designated staff only. Sign in with your personal account.',
    'signIn.username': 'Username',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.failed': 'Signing in failed',
    'signIn.wrongPassword': 'The username or password is wrong.',
    'signIn.missing': 'Give your username and password.',
    'signIn.usernameMissing': 'Give your username.',
    'signIn.passwordMissing': 'Give your password.',
    'signIn.code': 'Verification code',
    'signIn.codeHint': 'Enter the six-digit code your authenticator app shows.',
    'signIn.codeMissing': 'Enter the verification code.',
    'signIn.codeWrong': 'The verification code is wrong or already used. Enter a new code.',
    'signIn.accountClosed': 'The account is closed or has expired. Contact the administrator.',
    'signIn.expired': 'Your session has ended. Sign in again to continue.',
    'signIn.commitmentNote':
      'Never share your account. Customer data opens only after your confidentiality commitment has been signed.',

    'search.title': 'Customer search',
    'search.label': 'Search for a customer',
    'search.placeholder': 'Name, identity code, business ID, email or phone',
    'search.clear': 'Clear the search',
    'search.hint':
      'A name needs at least 3 letters, and nearly matching names are found too. Identity codes, business IDs, email addresses and phone numbers are matched whole.',
    'search.kindLabel': 'Show',
    'search.kind.all': 'Persons and organisations',
    'search.kind.person': 'Persons',
    'search.kind.organization': 'Organisations',
    'search.tooShortHint':
      'Type at least 3 letters of a name, or a whole identifier (identity code, business ID, email or phone number).',
    'search.noResults': 'No customers found for “{query}”.',
    'search.noResultsShort': 'No results.',
    'search.countOne': '1 result.',
    'search.countMany': '{count} results.',
    'search.moreAvailable': 'More results are available.',
    'search.resultsHeading': 'Search results',
    'search.loadMore': 'Show more results',
    'search.matchedBy.name': 'Searched by name, nearly matching names included.',
    'search.matchedBy.identityCode': 'Searched by identity code.',
    'search.matchedBy.businessId': 'Searched by business ID.',
    'search.matchedBy.email': 'Searched by email address.',
    'search.matchedBy.phone': 'Searched by phone number.',

    'protection.badge': 'Address protection',
    'protection.addressProtected': 'Address protected',

    'person.identityCode': 'Personal identity code',

    'organization.businessId': 'Business ID',

    'nav.accessLog': 'Access log',

    // the menu's and the header's links to other areas (route-access.ts, AppShell.tsx)
    'account.nav': 'My account',
    'account.commitment.read': 'Read and sign the commitment',

    'nav.staff': 'Users',
    'nav.partners': 'Partners',
    'nav.socialUnits': 'Social-services units',
    'nav.breakGlassReview': 'Break-the-glass review',

    'billingSettings.nav': 'Billing settings',

    'services.nav': 'Service catalogue',

    'invoiceRun.nav': 'Invoice run',

    'disclosureRegister.nav': 'Disclosures register',

    'requests.nav': 'Data subject requests',

    // a page's code fetched on first use (components/PageLoad.tsx)
    'pageLoad.failed':
      'The page could not be loaded. The connection may have dropped, or a new version of the register has been installed. Reload the page.',
    'pageLoad.reload': 'Reload the page',

    'work.title': 'Work list',
    'work.nav': 'To do',

    'billingLists.nav': 'Billing',

    'objections.mailing.nav': 'Mailing list',

    'privacySettings.nav': 'Privacy statement',

    'imports.nav': 'Imports',

    'retention.nav': 'Retention',
    // The sign-in form reads its rules through the contract form (components/form.ts).
    'billing.billingAddress': 'Billing address',
    'billing.eInvoiceAddress': 'E-invoice address',
    'billing.eInvoiceIntermediator': 'Intermediator',
    'billing.ovt': 'OVT code',
  },
  errors: {
    'date.format': 'Give the date as d.m.yyyy, e.g. 31.12.2026.',
    invalid_format: 'The value is not in the right format.',
    'number.tooLarge': 'The number is too large.',
    'number.tooSmall': 'The number is too small.',
    required: 'This is required.',
    too_big: 'The value is too long.',
    too_small: 'The value is missing or too short.',
    'search.tooShort': 'Type at least three letters of a name, or a whole identifier.',
    'search.notInContract': 'Your contract does not cover this identifier. Search by name.',
  },
};
