/**
 * Claims as schema.org ClaimReview (https://schema.org/ClaimReview), the JSON-LD that the Google
 * Fact Check Tools and Fact Check Explorer read. Google's fact-check guide requires `claimReviewed`,
 * `reviewRating` (with `alternateName`) and `url`, and recommends `author`, `datePublished` and an
 * `itemReviewed` Claim with `author`, `datePublished`, `appearance` and `firstAppearance`; the
 * numeric rating (`ratingValue`, `bestRating`, `worstRating`) comes from the position of the verdict
 * on the configured scale, best first.
 */
import type { Claim, ClaimAppearance } from './claims';

/** The reviewing organisation's settings. */
export interface ClaimReviewSettings {
  /** The verdict labels, best first (`newsAnnotator.ratingScale`). */
  readonly ratingScale: readonly string[];
  /** The organisation publishing the fact checks (`newsAnnotator.claimReview.organization`). */
  readonly organization?: string;
  /**
   * The URL of each fact check (`newsAnnotator.claimReview.urlTemplate`): `{id}` is replaced by the
   * annotation's id (without `urn:uuid:`), `{slug}` by the claim's first words.
   */
  readonly urlTemplate?: string;
}

/** A CreativeWork where the claim appears. */
export interface ClaimReviewAppearance {
  readonly '@type': 'CreativeWork';
  /** The article's relative path in the workspace (plain-text articles carry no URL). */
  readonly url: string;
  readonly headline?: string;
  readonly datePublished?: string;
  readonly publisher?: { readonly '@type': 'Organization'; readonly name: string };
}

/** One ClaimReview object. */
export interface ClaimReview {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url?: string;
  readonly claimReviewed: string;
  readonly datePublished: string;
  readonly author?: { readonly '@type': 'Organization'; readonly name: string };
  readonly reviewRating: {
    readonly '@type': 'Rating';
    readonly alternateName: string;
    readonly name: string;
    readonly ratingValue?: number;
    readonly bestRating?: number;
    readonly worstRating?: number;
  };
  readonly itemReviewed: {
    readonly '@type': 'Claim';
    readonly author?: { readonly '@type': 'Person' | 'Organization'; readonly name: string };
    readonly datePublished?: string;
    readonly appearance: readonly ClaimReviewAppearance[];
    readonly firstAppearance?: ClaimReviewAppearance;
  };
}

/** The reviews and what the reviewer should fix before publishing them. */
export interface ClaimReviewExport {
  readonly reviews: ClaimReview[];
  /** One line each: an unset setting, a verdict off the scale, claims left out for want of a verdict. */
  readonly warnings: string[];
}

/** Longest `claimReviewed`: Google asks for under 75 characters; a longer claim is cut at a word. */
const CLAIM_SUMMARY_LENGTH = 75;

/** ClaimReview objects for the claims that have a verdict (a review needs a rating). */
export function toClaimReviews(claims: readonly Claim[], settings: ClaimReviewSettings): ClaimReviewExport {
  const warnings: string[] = [];
  const organization = settings.organization?.trim();
  const template = settings.urlTemplate?.trim();
  const reviewed = claims.filter((c) => c.verdict !== undefined && c.verdict.trim() !== '');
  if (reviewed.length < claims.length) warnings.push(`${claims.length - reviewed.length} claim(s) without a verdict left out (a ClaimReview needs a rating)`);
  if (reviewed.length > 0 && !template) warnings.push('newsAnnotator.claimReview.urlTemplate is not set: the reviews have no url, which Google requires (for example https://factcheck.example/reviews/{id})');
  if (reviewed.length > 0 && !organization) warnings.push('newsAnnotator.claimReview.organization is not set: the reviews name no author (the reviewing organisation)');
  const reviews = reviewed.map((claim) => {
    const verdict = (claim.verdict as string).trim();
    const position = settings.ratingScale.findIndex((label) => label.trim().toLowerCase() === verdict.toLowerCase());
    if (position < 0) warnings.push(`verdict "${verdict}" is not on the rating scale (${settings.ratingScale.join(', ')}): its review has no numeric rating`);
    const scale = settings.ratingScale.length;
    const appearance = claim.appearances.map(toCreativeWork);
    return {
      '@context': 'https://schema.org' as const,
      '@type': 'ClaimReview' as const,
      ...(template ? { url: fillTemplate(template, claim) } : {}),
      claimReviewed: summary(claim.text),
      datePublished: claim.annotation.modified.slice(0, 10),
      ...(organization ? { author: { '@type': 'Organization' as const, name: organization } } : {}),
      reviewRating: {
        '@type': 'Rating' as const,
        alternateName: verdict,
        name: verdict,
        // Best first on the scale: the best label rates `scale`, the worst 1.
        ...(position >= 0 ? { ratingValue: scale - position, bestRating: scale, worstRating: 1 } : {}),
      },
      itemReviewed: {
        '@type': 'Claim' as const,
        ...(claim.claimant ? { author: { '@type': claim.claimant.type, name: claim.claimant.name } } : {}),
        ...(claim.date ? { datePublished: claim.date } : {}),
        appearance,
        ...(claim.firstAppearance ? { firstAppearance: toCreativeWork(claim.firstAppearance) } : {}),
      },
    };
  });
  return { reviews, warnings };
}

function toCreativeWork(appearance: ClaimAppearance): ClaimReviewAppearance {
  return {
    '@type': 'CreativeWork',
    url: appearance.source,
    ...(appearance.headline ? { headline: appearance.headline } : {}),
    ...(appearance.date ? { datePublished: appearance.date } : {}),
    ...(appearance.outlet ? { publisher: { '@type': 'Organization' as const, name: appearance.outlet } } : {}),
  };
}

/** The claim cut to about {@link CLAIM_SUMMARY_LENGTH} characters at a word boundary. */
export function summary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/^["“”„«‹'‘’]+|["“”»›'‘’]+$/gu, '').trim();
  if (flat.length <= CLAIM_SUMMARY_LENGTH) return flat;
  const cut = flat.slice(0, CLAIM_SUMMARY_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The URL template with `{id}` and `{slug}` filled in (both URL-safe). */
export function fillTemplate(template: string, claim: Claim): string {
  const id = claim.annotation.id.replace(/^urn:uuid:/, '');
  const slug = claim.text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').split('-').slice(0, 8).join('-');
  return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{slug\}/g, encodeURIComponent(slug));
}
