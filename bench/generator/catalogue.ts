/**
 * Names for the synthetic car-marketplace organisation: tribes, their squads (each with the
 * performance tier it plays in the data) and the services they own. The demo takes the first three
 * squads of the first four tribes; larger organisations take more, then invent names.
 */

/** How well a squad delivers in the generated data. */
export type Tier = 'elite' | 'high' | 'medium' | 'low';

/** A squad of the catalogue. */
export interface CatalogueSquad {
  name: string;
  tier: Tier;
  /** Prefix for services beyond the named ones. */
  stem: string;
  services: readonly string[];
}

/** A tribe of the catalogue. */
export interface CatalogueTribe {
  name: string;
  squads: readonly CatalogueSquad[];
}

const squad = (name: string, tier: Tier, stem: string, services: string[]): CatalogueSquad => ({
  name,
  tier,
  stem,
  services,
});

/** The named tribes, in the order an organisation takes them. */
export const catalogue: readonly CatalogueTribe[] = [
  {
    name: 'ecommerce',
    squads: [
      squad('search', 'elite', 'search', [
        'vehicle-search',
        'search-indexer',
        'saved-searches',
        'search-suggestions',
      ]),
      squad('product', 'medium', 'listing', [
        'vehicle-listing',
        'listing-images',
        'product-catalogue',
        'listing-quality',
      ]),
      squad('checkout', 'high', 'checkout', ['deal-builder', 'reservations', 'part-exchange']),
      squad('promotions', 'high', 'promo', ['promoted-listings', 'price-drop-alerts', 'offers']),
      squad('marketplace-web', 'high', 'web', ['marketplace-web', 'seo-pages', 'homepage']),
      squad('experimentation', 'medium', 'experiment', ['experiment-service', 'ab-config', 'analytics-tags']),
    ],
  },
  {
    name: 'consumer',
    squads: [
      squad('in-life', 'high', 'ownership', ['my-garage', 'mot-reminders', 'service-history']),
      squad('valuations', 'elite', 'valuation', ['vehicle-valuations', 'price-indicator', 'valuation-api']),
      squad('finance', 'low', 'finance', ['finance-quotes', 'credit-check', 'insurance-quotes']),
      squad('accounts', 'medium', 'account', ['consumer-accounts', 'saved-vehicles', 'preferences']),
      squad('messaging', 'high', 'messaging', ['consumer-messaging', 'email-dispatch', 'push-notifications']),
      squad('mobile-apps', 'medium', 'app', ['ios-app-api', 'android-app-api', 'app-config']),
    ],
  },
  {
    name: 'retailer',
    squads: [
      squad('partner-tooling', 'low', 'partner', [
        'dealer-portal',
        'stock-feed-importer',
        'lead-manager',
        'partner-api',
      ]),
      squad('advertising', 'high', 'ads', ['ad-server', 'campaign-manager', 'retailer-insights']),
      squad('retail-data', 'medium', 'retail-data', ['stock-sync', 'retailer-reports', 'vehicle-data']),
      squad('retailer-billing', 'low', 'billing', ['invoicing', 'subscriptions', 'retailer-contracts']),
      squad('leads', 'high', 'leads', ['lead-routing', 'enquiry-service', 'call-tracking']),
      squad('retailer-stock', 'medium', 'stock', ['stock-photos', 'vehicle-check', 'stock-pricing']),
    ],
  },
  {
    name: 'platform',
    squads: [
      squad('identity', 'high', 'identity', ['auth-service', 'user-profile', 'consent-manager']),
      squad('delivery-platform', 'elite', 'delivery', [
        'deploy-orchestrator',
        'feature-flags',
        'api-gateway',
        'build-cache',
      ]),
      squad('data-platform', 'medium', 'data', [
        'event-pipeline',
        'warehouse-loader',
        'notification-service',
      ]),
      squad('observability', 'elite', 'telemetry', ['metrics-collector', 'log-shipper', 'alert-router']),
      squad('security', 'medium', 'security', ['secrets-broker', 'vuln-scanner', 'waf-config']),
      squad('developer-experience', 'high', 'devex', ['service-templates', 'docs-portal', 'ci-runners']),
    ],
  },
  {
    name: 'trade',
    squads: [
      squad('dealer-auctions', 'medium', 'auction', ['auction-engine', 'bid-service', 'auction-web']),
      squad('trade-valuations', 'high', 'trade-price', ['trade-price', 'condition-report', 'trade-api']),
      squad('logistics', 'low', 'logistics', ['vehicle-transport', 'collection-booking', 'handover']),
      squad('trade-finance', 'low', 'trade-finance', ['stocking-loans', 'settlements', 'credit-lines']),
      squad('fleet', 'medium', 'fleet', ['fleet-sync', 'lease-returns', 'fleet-reporting']),
      squad('trade-partners', 'high', 'trade-partner', [
        'partner-onboarding',
        'partner-directory',
        'trade-notifications',
      ]),
    ],
  },
];

/** Suffixes that make further service names from a squad's stem. */
export const serviceSuffixes: readonly string[] = [
  'api',
  'worker',
  'events',
  'admin',
  'jobs',
  'gateway',
  'store',
  'reports',
  'sync',
  'scheduler',
  'notifier',
  'importer',
  'exporter',
  'cache',
  'ui',
  'rules',
];

/** The catalogue tier of a squad by name, if it is one of ours. */
export function catalogueTier(squadName: string): Tier | undefined {
  for (const tribe of catalogue) {
    for (const entry of tribe.squads) if (entry.name === squadName) return entry.tier;
  }
  return undefined;
}
