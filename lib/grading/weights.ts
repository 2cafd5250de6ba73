/**
 * Dated weights of work types (DOMAIN.md: a rule that varies between schools is a setting
 * of the school, versioned by date). A work type has its weight from the beginning and
 * may have versions, each from a day on; a mark weighs what its work type weighed on the
 * mark's date, so changing a weight never changes an old average. Pure: no database.
 */

export type WeightVersion = {
  /** "YYYY-MM-DD" from which this weight applies */
  validFrom: string;
  /** in hundredths: 150 = 1.5 */
  weight: number;
};

/** A work type's weights: from the beginning, then the dated versions (in any order). */
export type WeightHistory = {
  /** in hundredths; in force before the first dated version */
  base: number;
  versions: readonly WeightVersion[];
};

/**
 * The version in force on `day`: the latest one that started on or before it, or null
 * before the first version. The order of `versions` does not matter. Two versions on one
 * day cannot be stored (the database refuses them); were they given, the larger weight is
 * taken, so the answer still does not depend on the order.
 */
export function versionOn(versions: readonly WeightVersion[], day: string): WeightVersion | null {
  let best: WeightVersion | null = null;
  for (const v of versions) {
    if (v.validFrom > day) continue;
    if (!best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.weight > best.weight)) best = v;
  }
  return best;
}

/** The weight (hundredths) in force on `day`, or null before the first dated version. */
export function weightOn(versions: readonly WeightVersion[], day: string): number | null {
  return versionOn(versions, day)?.weight ?? null;
}

/** The weight (hundredths) in force on `day`: the dated version, else the weight from the beginning. */
export function weightInForce(history: WeightHistory, day: string): number {
  return weightOn(history.versions, day) ?? history.base;
}

/**
 * Weighs marks for an average (lib/grading/average.ts): each by its work type's weight
 * on the mark's own date. Every mark has a work type; one missing from `histories` is a
 * caller's mistake (the histories of another school, say) and throws rather than guess.
 */
export function weighByDate<M>(
  marks: readonly { date: string; workTypeId: string; mark: M }[],
  histories: ReadonlyMap<string, WeightHistory>,
): { mark: M; weight: number }[] {
  return marks.map(({ date, workTypeId, mark }) => {
    const h = histories.get(workTypeId);
    if (!h) throw new Error(`No weights for work type ${workTypeId}`);
    return { mark, weight: weightInForce(h, date) };
  });
}
