-- Demo segments, page layouts, published content with targeted variants, and one running
-- experiment. Loaded with the demo data set (DemoDataLoader), in its transaction. Schedules are
-- relative to now() so that the demo stays current.

insert into segments (id, name, description, rule, created_by) values
('gold-members', 'Gold members', 'Gold and Platinum loyalty tiers',
 '{"loyaltyTier": {"atLeast": "GOLD"}}', 'demo'),
('birthday-this-week', 'Birthday this week', 'Birthday today or within the next 7 days',
 '{"birthdayWithin": {"days": 7}}', 'demo'),
('anniversary-soon', 'Anniversary soon', 'Wedding anniversary within the next 30 days',
 '{"anniversaryWithin": {"days": 30}}', 'demo'),
('watch-browsers-no-watch', 'Watch browsers, no watch bought',
 'Looked at watches at least 3 times in 30 days and never bought one',
 '{"all": [{"browsed": {"category": "WATCHES", "atLeast": 3, "withinDays": 30}},
           {"not": {"purchased": {"category": "WATCHES"}}}]}', 'demo'),
('repair-ready', 'Repair ready for pickup', 'A repair or custom design waits at the store',
 '{"openServiceOrder": {"status": ["READY_FOR_PICKUP"]}}', 'demo'),
('near-a-store', 'Near a store', 'Within 5 km of a store (needs LOCATION consent and a location)',
 '{"nearStore": {"withinKm": 5}}', 'demo'),
('lapsed-180', 'Lapsed 180 days', 'Bought before, but not in the last 180 days',
 '{"lastPurchase": {"olderThanDays": 180}}', 'demo'),
('new-customers', 'New customers', 'Joined in the last 30 days and not bought yet',
 '{"newCustomer": {"joinedWithinDays": 30}}', 'demo'),
('big-spenders', 'Big spenders', 'Spent 5,000 or more in the last year',
 '{"spend": {"op": "gte", "amount": 5000, "withinDays": 365}}', 'demo'),
('app-shoppers', 'App and watch shoppers', 'On the app or the watch right now',
 '{"channel": {"in": ["APP", "WATCH"]}}', 'demo'),
('ring-buyers', 'Ring buyers', 'Bought a ring in the last year',
 '{"purchased": {"category": "RINGS", "withinDays": 365}}', 'demo');

insert into page_slots (page_slug, slot, position, description) values
('home', 'hero', 0, 'The large visual at the top'),
('home', 'announcement', 1, 'A strip under the hero'),
('home', 'featured', 2, 'A row of products'),
('home', 'editorial', 3, 'An article teaser'),
('home', 'service', 4, 'Care and service'),
('product', 'promo', 0, 'A strip above the product'),
('product', 'cross-sell', 1, 'Products that go with it'),
('product', 'care', 2, 'How to look after it'),
('offers', 'birthday', 0, 'Birthday offer'),
('offers', 'loyalty', 1, 'Loyalty offer'),
('offers', 'welcome', 2, 'First-order offer'),
('offers', 'winback', 3, 'Come-back offer'),
('offers', 'everyone', 4, 'For every visitor');

insert into experiments (id, name, description, page_slug, slot, status, holdout_share, started_at) values
('hero-test', 'Home hero headline', 'Does an emotional headline beat a product headline?',
 'home', 'hero', 'RUNNING', 0.1, now() - interval '14 days');
insert into experiment_arms (experiment_id, key, weight, description) values
('hero-test', 'A', 50, 'Product headline'),
('hero-test', 'B', 50, 'Emotional headline');

-- Entries start as drafts; their version and variants are inserted, then the version is published
-- (it becomes immutable) and the entry points at it.
create temporary table demo_content (
    id text, page_slug text, slot text, type text, name text, fields jsonb,
    starts_at timestamptz, ends_at timestamptz
) on commit drop;
create temporary table demo_variants (
    entry_id text, key text, audience text[], priority int, locale text, starts_at timestamptz,
    ends_at timestamptz, experiment_id text, experiment_arm text, fields jsonb
) on commit drop;

insert into demo_content values
('home-hero', 'home', 'hero', 'HERO', 'Home hero',
 '{"imageUrl": "https://images.concierge.example/hero/collection.jpg", "ctaLabel": "Shop now", "ctaUrl": "/collections/new"}',
 null, null),
('home-announcement', 'home', 'announcement', 'BANNER', 'Home announcement', '{}', null, null),
('home-featured', 'home', 'featured', 'CAROUSEL', 'Home featured products', '{}', null, null),
('home-editorial', 'home', 'editorial', 'ARTICLE', 'Home editorial',
 '{"imageUrl": "https://images.concierge.example/editorial/care.jpg"}', null, null),
('home-service', 'home', 'service', 'BANNER', 'Home service', '{"linkUrl": "/services"}', null, null),
('product-promo', 'product', 'promo', 'BANNER', 'Product promo', '{}', null, null),
('product-cross-sell', 'product', 'cross-sell', 'CAROUSEL', 'Product cross-sell', '{}', null, null),
('product-care', 'product', 'care', 'ARTICLE', 'Product care', '{"url": "/care"}', null, null),
('offer-birthday', 'offers', 'birthday', 'OFFER', 'Birthday offer', '{}', null, null),
('offer-loyalty', 'offers', 'loyalty', 'OFFER', 'Loyalty offer', '{}', null, null),
('offer-welcome', 'offers', 'welcome', 'OFFER', 'Welcome offer', '{}', null, null),
('offer-winback', 'offers', 'winback', 'OFFER', 'Win-back offer', '{}', null, null),
('offer-everyone', 'offers', 'everyone', 'OFFER', 'Gift wrapping', '{}', null, null);

insert into demo_variants values
('home-hero', 'default', '{}', 0, null, null, null, null, null,
 '{"headline": "Timeless pieces, made to last", "subheadline": "Jewelry and watches for every day"}'),
('home-hero', 'arm-a', '{}', 10, null, null, null, 'hero-test', 'A',
 '{"headline": "The autumn collection is here", "subheadline": "Forty new pieces in gold and silver"}'),
('home-hero', 'arm-b', '{}', 10, null, null, null, 'hero-test', 'B',
 '{"headline": "Mark the moments that matter", "subheadline": "Pieces to remember them by"}'),
('home-hero', 'gold', '{gold-members}', 20, null, null, null, null, null,
 '{"headline": "Gold members: a private preview", "subheadline": "The new collection, a week before everyone", "ctaLabel": "Book a preview"}'),
('home-hero', 'watch-seeker', '{watch-browsers-no-watch}', 25, null, null, null, null, null,
 '{"headline": "Found the one?", "subheadline": "Try any watch in store, with an expert", "ctaUrl": "/watches"}'),
('home-hero', 'birthday', '{birthday-this-week}', 30, null, null, null, null, null,
 '{"headline": "Happy birthday from all of us", "subheadline": "A gift is waiting for you in store", "ctaLabel": "See your gift", "ctaUrl": "/offers/birthday"}'),
('home-announcement', 'default', '{}', 0, null, null, null, null, null,
 '{"text": "Free shipping and returns on every order"}'),
('home-announcement', 'lapsed', '{lapsed-180}', 15, null, null, null, null, null,
 '{"text": "We have missed you: a complimentary cleaning on your next visit"}'),
('home-announcement', 'nearby', '{near-a-store}', 20, null, null, null, null, null,
 '{"text": "You are close to one of our stores: drop in for a fitting", "linkUrl": "/stores"}'),
('home-announcement', 'pickup', '{repair-ready}', 30, null, null, null, null, null,
 '{"text": "Your order is ready for pickup", "linkUrl": "/account/orders"}'),
('home-featured', 'default', '{}', 0, null, null, null, null, null,
 '{"title": "Most loved", "items": [{"title": "Solitaire ring", "sku": "RNG-0001"}, {"title": "Tennis bracelet", "sku": "BRC-0001"}, {"title": "Diver watch", "sku": "WCH-0001"}]}'),
('home-featured', 'app', '{app-shoppers}', 10, null, null, null, null, null,
 '{"title": "App exclusives", "items": [{"title": "Pearl necklace", "sku": "NCK-0001"}, {"title": "Hoop earrings", "sku": "EAR-0001"}]}'),
('home-featured', 'rings', '{ring-buyers}', 5, null, null, null, null, null,
 '{"title": "Stack your rings", "items": [{"title": "Eternity band", "sku": "RNG-0002"}, {"title": "Signet ring", "sku": "RNG-0003"}]}'),
('home-editorial', 'default', '{}', 0, null, null, null, null, null,
 '{"title": "How to care for your jewelry", "summary": "Five habits that keep it shining"}'),
('home-editorial', 'fr', '{}', 0, 'fr', null, null, null, null,
 '{"title": "Prendre soin de vos bijoux", "summary": "Cinq gestes pour les garder éclatants"}'),
('home-editorial', 'anniversary', '{anniversary-soon}', 10, null, null, null, null, null,
 '{"title": "Anniversary gifts, year by year", "summary": "From paper to diamond"}'),
('home-service', 'default', '{}', 0, null, null, null, null, null,
 '{"text": "Book a free cleaning and inspection"}'),
('home-service', 'holiday', '{}', 10, null, now() + interval '7 days', now() + interval '37 days', null, null,
 '{"text": "Holiday hours: open late every day until the new year"}'),
('home-service', 'spring', '{}', 10, null, now() - interval '60 days', now() - interval '30 days', null, null,
 '{"text": "Spring clean: half-price polishing (ended)"}'),
('product-promo', 'default', '{}', 0, null, null, null, null, null,
 '{"text": "Complimentary engraving on rings and bracelets"}'),
('product-promo', 'gold', '{gold-members}', 10, null, null, null, null, null,
 '{"text": "Gold members earn double points on this product"}'),
('product-cross-sell', 'default', '{}', 0, null, null, null, null, null,
 '{"title": "Goes well with", "items": [{"title": "Matching necklace", "sku": "NCK-0002"}, {"title": "Matching earrings", "sku": "EAR-0002"}]}'),
('product-care', 'default', '{}', 0, null, null, null, null, null,
 '{"title": "Caring for fine jewelry", "summary": "Clean gently, store separately, service yearly"}'),
('offer-birthday', 'birthday', '{birthday-this-week}', 30, null, null, null, null, null,
 '{"title": "Your birthday gift: 20% off", "description": "On any one piece, in store or online", "code": "BDAY20", "discountPercent": 20}'),
('offer-loyalty', 'gold', '{gold-members}', 20, null, null, null, null, null,
 '{"title": "Double points this month", "description": "For Gold and Platinum members"}'),
('offer-welcome', 'welcome', '{new-customers}', 20, null, null, null, null, null,
 '{"title": "Welcome: 10% off your first order", "code": "WELCOME10", "discountPercent": 10}'),
('offer-winback', 'winback', '{lapsed-180}', 15, null, null, null, null, null,
 '{"title": "Come back for a complimentary cleaning", "description": "Any piece, any store"}'),
('offer-everyone', 'default', '{}', 0, null, null, null, null, null,
 '{"title": "Complimentary gift wrapping", "description": "On every order"}');

insert into content_entries (id, page_slug, slot, type, name)
select id, page_slug, slot, type, name from demo_content;

insert into content_versions (entry_id, version, fields, starts_at, ends_at, created_by)
select id, 1, fields, starts_at, ends_at, 'demo' from demo_content;

insert into content_variants (entry_id, version, key, audience_segment_ids, priority, locale, starts_at, ends_at,
                              experiment_id, experiment_arm, fields)
select entry_id, 1, key, audience, priority, locale, starts_at, ends_at, experiment_id, experiment_arm, fields
from demo_variants;

update content_versions set published_at = now() where created_by = 'demo' and published_at is null;
update content_entries set status = 'PUBLISHED', published_version = 1
where id in (select id from demo_content);
