import { edition2019 } from './edition2019.js';
import { edition2021 } from './edition2021.js';
import { edition2022 } from './edition2022.js';
import { edition2023 } from './edition2023.js';
import { edition2024 } from './edition2024.js';
import { edition2025 } from './edition2025.js';
import type {
  EditionId,
  PercentileEdition,
  QuickCheckEdition,
  ScoreEdition,
  TierEdition,
} from './quickCheckEdition.js';

/** Every Quick Check edition by id (DORA, dora.dev), oldest first. */
export const quickCheckEditions: {
  readonly '2019': TierEdition;
  readonly '2021': PercentileEdition;
  readonly '2022': PercentileEdition;
  readonly '2023': ScoreEdition;
  readonly '2024': ScoreEdition;
  readonly '2025': ScoreEdition;
} = {
  '2019': edition2019,
  '2021': edition2021,
  '2022': edition2022,
  '2023': edition2023,
  '2024': edition2024,
  '2025': edition2025,
};

/** The edition with this id. */
export function getEdition<E extends EditionId>(id: E): (typeof quickCheckEditions)[E] {
  return quickCheckEditions[id];
}

/** Every edition, oldest first. */
export function listEditions(): QuickCheckEdition[] {
  return Object.values(quickCheckEditions);
}
