import type {
  ComplianceLevel,
  StatementLanguage,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';

/** The supervisory authority of digital accessibility in Finland (from 2025, Traficom). */
const AUTHORITY = {
  fi: 'Liikenne- ja viestintävirasto Traficom, digitaalisen esteettömyyden valvonta',
  sv: 'Transport- och kommunikationsverket Traficom, tillsynen över digital tillgänglighet',
  en: 'Finnish Transport and Communications Agency Traficom, supervision of digital accessibility',
} as const;
const AUTHORITY_CONTACT =
  'www.saavutettavuusvaatimukset.fi · saavutettavuus@traficom.fi · 029 534 5000';

/** The accessibility statement's words (Act 306/2019 and the model statement). */
export type AccessibilityTexts = {
  title: string;
  sections: {
    scope: string;
    compliance: string;
    knownIssues: string;
    assessment: string;
    feedback: string;
    enforcement: string;
  };
  scope: (controller: string, service: string) => string;
  compliance: Record<ComplianceLevel, string>;
  noKnownIssues: string;
  assessment: (date: string) => string;
  feedback: (email: string) => string;
  enforcement: string;
  authority: string;
};

export const ACCESSIBILITY_TEXTS: Record<StatementLanguage, AccessibilityTexts> = {
  fi: {
    title: 'Saavutettavuusseloste',
    sections: {
      scope: 'Mitä tämä seloste koskee',
      compliance: 'Digipalvelun saavutettavuuden tila',
      knownIssues: 'Ei-saavutettava sisältö',
      assessment: 'Miten saavutettavuus on arvioitu',
      feedback: 'Anna palautetta saavutettavuudesta',
      enforcement: 'Valvontaviranomainen',
    },
    scope: (controller, service) =>
      `${controller} pyrkii takaamaan digipalvelujensa saavutettavuuden digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) mukaisesti. Tämä seloste koskee palvelua ${service}: sen julkisia sivuja ja henkilöstön käyttämää sovellusta.`,
    compliance: {
      full: 'Palvelu täyttää saavutettavuusvaatimukset: WCAG 2.1 -ohjeiston A- ja AA-tason kriteerit.',
      partial:
        'Palvelu täyttää saavutettavuusvaatimukset (WCAG 2.1, tasot A ja AA) osittain. Poikkeamat on kerrottu alla.',
      none: 'Palvelu ei vielä täytä saavutettavuusvaatimuksia (WCAG 2.1, tasot A ja AA). Puutteet on kerrottu alla.',
    },
    noKnownIssues:
      'Emme tiedä palvelussa olevan saavutettavuuspuutteita. Jos huomaat sellaisen, kerro siitä meille.',
    assessment: (date) =>
      `Saavutettavuus on arvioitu viimeksi ${date} itsearviona. Palvelu on rakennettu Suomi.fi-suunnittelujärjestelmän komponenteista, ja jokainen sen käyttötapa testataan selaimessa automaattisesti WCAG 2.1:n A- ja AA-tason kriteereillä (axe-core).`,
    feedback: (email) =>
      `Huomasitko saavutettavuuspuutteen? Kerro siitä alla olevalla lomakkeella tai sähköpostitse ${email}. Vastaamme 14 päivän kuluessa.`,
    enforcement:
      'Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon aikana, voit tehdä ilmoituksen valvontaviranomaiselle:',
    authority: `${AUTHORITY.fi} · ${AUTHORITY_CONTACT}`,
  },
  sv: {
    title: 'Tillgänglighetsutlåtande',
    sections: {
      scope: 'Vad utlåtandet gäller',
      compliance: 'Den digitala tjänstens tillgänglighet',
      knownIssues: 'Innehåll som inte är tillgängligt',
      assessment: 'Hur tillgängligheten har bedömts',
      feedback: 'Ge respons om tillgängligheten',
      enforcement: 'Tillsynsmyndighet',
    },
    scope: (controller, service) =>
      `${controller} strävar efter att säkerställa tillgängligheten i sina digitala tjänster enligt lagen om tillhandahållande av digitala tjänster (306/2019). Detta utlåtande gäller tjänsten ${service}: dess offentliga sidor och det program som personalen använder.`,
    compliance: {
      full: 'Tjänsten uppfyller tillgänglighetskraven: kriterierna på nivå A och AA i WCAG 2.1.',
      partial:
        'Tjänsten uppfyller tillgänglighetskraven (WCAG 2.1, nivå A och AA) delvis. Avvikelserna beskrivs nedan.',
      none: 'Tjänsten uppfyller ännu inte tillgänglighetskraven (WCAG 2.1, nivå A och AA). Bristerna beskrivs nedan.',
    },
    noKnownIssues:
      'Vi känner inte till några tillgänglighetsbrister i tjänsten. Om du upptäcker en, berätta det för oss.',
    assessment: (date) =>
      `Tillgängligheten bedömdes senast ${date} som en självbedömning. Tjänsten är byggd av komponenterna i Suomi.fi-designsystemet, och varje sätt att använda den testas automatiskt i en webbläsare mot kriterierna på nivå A och AA i WCAG 2.1 (axe-core).`,
    feedback: (email) =>
      `Upptäckte du en tillgänglighetsbrist? Berätta om den med formuläret nedan eller per e-post ${email}. Vi svarar inom 14 dagar.`,
    enforcement:
      'Om du upptäcker tillgänglighetsproblem, ge först respons till oss. Om du inte är nöjd med svaret eller inte får något svar inom två veckor, kan du anmäla saken till tillsynsmyndigheten:',
    authority: `${AUTHORITY.sv} · ${AUTHORITY_CONTACT}`,
  },
  en: {
    title: 'Accessibility statement',
    sections: {
      scope: 'What this statement covers',
      compliance: 'Compliance status',
      knownIssues: 'Non-accessible content',
      assessment: 'How accessibility was assessed',
      feedback: 'Give feedback on accessibility',
      enforcement: 'Supervisory authority',
    },
    scope: (controller, service) =>
      `${controller} seeks to ensure the accessibility of its digital services in accordance with the Act on the Provision of Digital Services (306/2019). This statement covers the service ${service}: its public pages and the application its staff use.`,
    compliance: {
      full: 'The service meets the accessibility requirements: the level A and AA criteria of WCAG 2.1.',
      partial:
        'The service partially meets the accessibility requirements (WCAG 2.1, levels A and AA). The exceptions are listed below.',
      none: 'The service does not yet meet the accessibility requirements (WCAG 2.1, levels A and AA). The shortcomings are listed below.',
    },
    noKnownIssues:
      'We know of no accessibility shortcomings in the service. If you find one, please tell us.',
    assessment: (date) =>
      `Accessibility was last assessed on ${date} by self-assessment. The service is built from the components of the Suomi.fi design system, and every way of using it is tested automatically in a browser against the level A and AA criteria of WCAG 2.1 (axe-core).`,
    feedback: (email) =>
      `Did you notice an accessibility shortcoming? Tell us with the form below or by email to ${email}. We answer within 14 days.`,
    enforcement:
      'If you notice accessibility problems, first give feedback to us. If you are not satisfied with the answer, or get none within two weeks, you can report it to the supervisory authority:',
    authority: `${AUTHORITY.en} · ${AUTHORITY_CONTACT}`,
  },
};
