import { useReducer, useState } from 'react';
import type { ServiceCategory } from '../../../api/contract/codes';
import { categoryDistanceM, type LifeCircle } from '../../../api/contract/life-circle';
import { type DraftAction, draftReducer, EMPTY_DRAFT } from '../../domain/scenario-draft';
import type { GridColouring } from '../../map/layers/coverage-grid-layer';
import type { MapFocus } from '../../map/use-map-focus';

/** The category a planner sees first: a basic one of the 5-minute circle. */
export const DEFAULT_CATEGORY: ServiceCategory = 'elderly_care';

/** The right column's tables. */
export type PlanningTab = 'completeness' | 'grids' | 'suggestions';

/** Which of the planner's map layers are shown. */
export interface PlanningLayers {
  buildings: boolean;
  grids: boolean;
  facilities: boolean;
}

/**
 * What the planner has chosen and is editing: category, distance and area; the scenario draft;
 * the map's tool, selection and layers; the tables' settings. Server answers are not here — they
 * stay in TanStack Query, keyed by these choices.
 */
export function usePlanningSession() {
  const [category, setCategoryOnly] = useState<ServiceCategory>(DEFAULT_CATEGORY);
  const [distance, setDistance] = useState(categoryDistanceM(DEFAULT_CATEGORY));
  const [area, setArea] = useState<string | null>(null);
  const [draft, dispatch] = useReducer(draftReducer, EMPTY_DRAFT);
  const [placing, setPlacing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [layers, setLayers] = useState<PlanningLayers>({
    buildings: true,
    grids: true,
    facilities: true,
  });
  const [colouring, setColouring] = useState<GridColouring>('coverage');
  const [tab, setTab] = useState<PlanningTab>('completeness');
  const [circle, setCircle] = useState<LifeCircle | 'all'>('all');
  const [k, setK] = useState(5);
  const [suggesting, setSuggesting] = useState(false);
  const [openScenario, setOpenScenario] = useState<number | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  /** A new category starts at its circle's distance, with its own selection and suggestions. */
  const setCategory = (next: ServiceCategory) => {
    setCategoryOnly(next);
    setDistance(categoryDistanceM(next));
    setSelected(null);
    setSuggesting(false);
  };
  const edit = (action: DraftAction) => dispatch(action);
  return {
    ...{ category, setCategory, distance, setDistance, area, setArea },
    ...{ draft, edit, placing, setPlacing, selected, setSelected },
    ...{ layers, setLayers, colouring, setColouring, tab, setTab, circle, setCircle },
    ...{ k, setK, suggesting, setSuggesting, openScenario, setOpenScenario, focus, setFocus },
  };
}

/** The planner's choices and draft, as {@link usePlanningSession} returns them. */
export type PlanningSession = ReturnType<typeof usePlanningSession>;
