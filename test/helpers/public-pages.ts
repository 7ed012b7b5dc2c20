/** The municipality's own statement (../shared/seed/tietosuojaseloste.txt), as its settings. */
export const SEED_SETTINGS = {
  controller: {
    name: 'Rautavaaran kunta',
    address: { street: 'Koulutie 1', postalCode: '73900', postOffice: 'Rautavaara' },
    email: 'kirjaamo@rautavaara.fi',
  },
  contactPerson: {
    name: 'Riku Räsänen',
    address: { street: 'Koulutie 1', postalCode: '73900', postOffice: 'Rautavaara' },
    phone: '040 860 8191',
    email: 'riku.rasanen@rautavaara.fi',
  },
  registerName: { fi: 'Asiakasrekisteri', sv: 'Kundregister', en: 'Customer register' },
  drawnUpOn: '2018-04-19',
  accessibility: { compliance: 'partial', assessedOn: '2026-11-30' },
  texts: {
    access: {
      fi: 'Tarkastuspyynnön voi tehdä kunnan neuvonnassa tai rekisterin yhteyshenkilölle.',
      sv: null,
      en: 'You may ask at the municipal service point or from the contact person.',
    },
  },
};
