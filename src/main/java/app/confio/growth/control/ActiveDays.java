package app.confio.growth.control;

import java.time.LocalDate;
import org.roaringbitmap.RoaringBitmap;

/**
 * The users active on each reporting day of a range, under one policy, as sets of user ids: what
 * the growth reports are computed from ({@link GrowthSets}). Sets are shared and must not be
 * changed by their readers.
 */
public interface ActiveDays {

  /** The users active on {@code day}, a day of the range; empty where nobody was. */
  RoaringBitmap on(LocalDate day);

  /** The users active on some day before {@code day}, the range's first day or a later one. */
  RoaringBitmap seenBefore(LocalDate day);

  /** The users no figure counts (not eligible now: see {@code Eligibility}). */
  RoaringBitmap ineligible();
}
