/**
 * Organisations whose helplines, emails and sites the summary's Support section may list:
 * the NHS and UK cancer charities. Anything else a post gives is a member's, and never
 * stands among them (a spam reply's "miracle cure" number once did).
 */
export interface TrustedOrganisation {
  name: string;
  /** Web and email domains; subdomains count too. */
  domains: string[];
  /** Helplines, digits only, UK form (0…). */
  phones: string[];
}

export const TRUSTED_ORGANISATIONS: readonly TrustedOrganisation[] = [
  { name: 'NHS', domains: ['nhs.uk'], phones: [] },
  { name: 'Blood Cancer UK', domains: ['bloodcancer.org.uk'], phones: ['08082080888'] },
  { name: 'Macmillan Cancer Support', domains: ['macmillan.org.uk'], phones: ['08088080000'] },
  { name: 'Cancer Research UK', domains: ['cancerresearchuk.org'], phones: ['08088004040'] },
  { name: 'Lymphoma Action', domains: ['lymphoma-action.org.uk'], phones: ['08088085555'] },
  { name: 'Leukaemia Care', domains: ['leukaemiacare.org.uk'], phones: ['08088010444'] },
  { name: 'Myeloma UK', domains: ['myeloma.org.uk'], phones: ['08009803332'] },
  { name: 'Anthony Nolan', domains: ['anthonynolan.org'], phones: [] },
  { name: 'Breast Cancer Now', domains: ['breastcancernow.org'], phones: ['08088006000'] },
  { name: 'Prostate Cancer UK', domains: ['prostatecanceruk.org'], phones: ['08000748383'] },
  { name: 'Marie Curie', domains: ['mariecurie.org.uk'], phones: ['08000902309'] },
  { name: "Maggie's", domains: ['maggies.org'], phones: [] },
  { name: 'Samaritans', domains: ['samaritans.org'], phones: [] },
];

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function organisationOfPhone(digits: string): TrustedOrganisation | undefined {
  return TRUSTED_ORGANISATIONS.find((o) => o.phones.includes(digits));
}

/** For a web address or an email address. */
export function organisationOfAddress(address: string): TrustedOrganisation | undefined {
  let host: string;
  if (address.includes('@') && !address.includes('/')) host = address.split('@')[1];
  else {
    try {
      host = new URL(address).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.toLowerCase();
  return TRUSTED_ORGANISATIONS.find((o) => o.domains.some((d) => onDomain(host, d)));
}
