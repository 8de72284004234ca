import * as z from 'zod/mini';
import defaultTaxonomy from './taxonomy.default.json';
import { type TaxonomyTag, TaxonomyTagSchema } from './taxonomy-tag';

// Its own module so the hub's demo data can use the default tags without the settings schema.

/** The tags an install starts with (taxonomy.default.json, validated). */
export const DEFAULT_TAXONOMY: TaxonomyTag[] = z.array(TaxonomyTagSchema).parse(defaultTaxonomy);
