/**
 * Writes journal rows in batches, table by table in reference order.
 *
 * Two ways in, same rows: Prisma's `createMany` (typed, one multi-row INSERT per batch)
 * or one `INSERT … SELECT * FROM unnest($1::uuid[], $2::date[], …)` per batch, which
 * sends a column of values per parameter: a 5,000-row batch is 16 parameters instead of
 * 80,000, and PostgreSQL parses one short statement. Both run in the caller's transaction.
 */
import { JOURNAL_TABLES, type JournalRows, type JournalTable, type RowSink } from "./journal";

export type InsertMode = "createMany" | "unnest";

export type CreateMany<T> = { createMany(args: { data: T[] }): PromiseLike<{ count: number }> };

/** What the seed needs of a Prisma client or transaction. */
export type SeedClient = { [K in JournalTable]: CreateMany<JournalRows[K]> } & {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
};

type Column = readonly [name: string, type: string];
const uuid = (name: string): Column => [name, "uuid"];

const COLUMNS: { [K in JournalTable]: { table: string; columns: readonly Column[] } } = {
  lesson: {
    table: "Lesson",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("cohortId"), uuid("subjectId"), uuid("teacherId"), uuid("timetableSlotId"),
      ["date", "date"], ["lessonNumber", "int4"], ["room", "text"], ["topic", "text"], ["lessonType", '"LessonType"'],
      ["status", '"LessonStatus"'], uuid("movedToId"), ["statusReason", "text"], ["updatedAt", "timestamptz"], uuid("workTypeId"),
    ],
  },
  substitution: {
    table: "Substitution",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("lessonId"), uuid("originalTeacherId"), uuid("teacherId"), uuid("subjectId"),
      ["room", "text"], ["reason", "text"], ["createdAt", "timestamptz"],
    ],
  },
  assessmentEvent: {
    table: "AssessmentEvent",
    columns: [uuid("schoolId"), uuid("id"), uuid("cohortId"), uuid("subjectId"), uuid("workTypeId"), ["date", "date"], ["title", "text"]],
  },
  mark: {
    table: "Mark",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("lessonId"), uuid("studentId"), uuid("cohortId"), uuid("subjectId"),
      ["date", "date"], ["part", "int4"], uuid("workTypeId"), ["kind", '"MarkKind"'], ["value", "int4"], ["text", "text"],
      ["comment", "text"], uuid("authorId"), ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
  attendance: {
    table: "Attendance",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("lessonId"), uuid("studentId"), ["date", "date"], ["code", '"AttendanceCode"'],
      ["minutesLate", "int4"], uuid("authorId"), ["updatedAt", "timestamptz"],
    ],
  },
  homework: {
    table: "Homework",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("lessonId"), uuid("cohortId"), uuid("subjectId"), uuid("studentId"),
      ["text", "text"], ["dueDate", "date"], uuid("authorId"), ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
  recommendation: {
    table: "Recommendation",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("studentId"), uuid("subjectId"), uuid("authorId"), ["date", "date"],
      ["text", "text"], ["createdAt", "timestamptz"],
    ],
  },
  finalMark: {
    table: "FinalMark",
    columns: [
      uuid("schoolId"), uuid("id"), uuid("studentId"), uuid("subjectId"), uuid("cohortId"), uuid("periodId"),
      ["kind", '"FinalMarkKind"'], ["markKind", '"MarkKind"'], ["value", "int4"], ["text", "text"],
      ["suggestedKind", '"MarkKind"'], ["suggestedValue", "int4"], ["overrideReason", "text"], uuid("confirmedById"),
      ["confirmedAt", "timestamptz"],
    ],
  },
};

/** A row value as PostgreSQL's array input takes it. */
function pgValue(v: unknown, type: string): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return type === "date" ? v.toISOString().slice(0, 10) : v.toISOString();
  return v;
}

type Buffers = { [K in JournalTable]: JournalRows[K][] };

const emptyBuffers = (): Buffers => ({
  lesson: [], substitution: [], assessmentEvent: [], mark: [], attendance: [], homework: [], recommendation: [], finalMark: [],
});

/**
 * Buffers rows and writes them when a batch is full. One write is kept in flight while
 * the generator goes on: on PostgreSQL the server inserts in its own process while Node
 * builds the next batch. Writes still happen one after another, in reference order.
 */
export class BatchWriter implements RowSink {
  private buf: Buffers = emptyBuffers();
  private pending = 0;
  private inFlight: Promise<void> | undefined;
  readonly counts: Record<JournalTable, number> = {
    lesson: 0, substitution: 0, assessmentEvent: 0, mark: 0, attendance: 0, homework: 0, recommendation: 0, finalMark: 0,
  };

  constructor(
    private readonly client: SeedClient,
    private readonly batchSize = 5000,
    private readonly mode: InsertMode = "createMany",
  ) {}

  add<K extends JournalTable>(table: K, row: JournalRows[K]): void {
    this.buf[table].push(row);
    this.pending++;
  }

  get total(): number {
    return JOURNAL_TABLES.reduce((a, t) => a + this.counts[t], 0);
  }

  /** Starts writing the buffered rows once a batch is full (after the previous write). */
  async flushIfFull(): Promise<void> {
    if (this.pending >= this.batchSize) await this.startWrite();
  }

  /** Writes everything buffered and waits for it. */
  async flush(): Promise<void> {
    await this.startWrite();
    const last = this.inFlight;
    this.inFlight = undefined;
    await last;
  }

  private async startWrite(): Promise<void> {
    await this.inFlight;
    const buf = this.buf;
    this.buf = emptyBuffers();
    this.pending = 0;
    const write = (async () => {
      for (const t of JOURNAL_TABLES) await this.flushTable(buf, t);
    })();
    // Awaited later (next write or flush); until then a failure must not count as unhandled.
    write.catch(() => undefined);
    this.inFlight = write;
  }

  private async flushTable(buf: Buffers, t: JournalTable): Promise<void> {
    const c = this.client;
    switch (t) {
      case "lesson": return this.write(t, buf.lesson, (data) => c.lesson.createMany({ data }));
      case "substitution": return this.write(t, buf.substitution, (data) => c.substitution.createMany({ data }));
      case "assessmentEvent": return this.write(t, buf.assessmentEvent, (data) => c.assessmentEvent.createMany({ data }));
      case "mark": return this.write(t, buf.mark, (data) => c.mark.createMany({ data }));
      case "attendance": return this.write(t, buf.attendance, (data) => c.attendance.createMany({ data }));
      case "homework": return this.write(t, buf.homework, (data) => c.homework.createMany({ data }));
      case "recommendation": return this.write(t, buf.recommendation, (data) => c.recommendation.createMany({ data }));
      case "finalMark": return this.write(t, buf.finalMark, (data) => c.finalMark.createMany({ data }));
    }
  }

  private async write<R extends object>(t: JournalTable, rows: R[], createMany: (data: R[]) => PromiseLike<unknown>): Promise<void> {
    while (rows.length > 0) {
      const chunk = rows.splice(0, this.batchSize);
      if (this.mode === "createMany") await createMany(chunk);
      else await this.unnest(t, chunk);
      this.counts[t] += chunk.length;
    }
  }

  private async unnest(t: JournalTable, rows: readonly object[]): Promise<void> {
    const spec = COLUMNS[t];
    const arrays = spec.columns.map(([name, type]) => rows.map((r) => pgValue((r as Record<string, unknown>)[name], type)));
    const names = spec.columns.map(([name]) => `"${name}"`).join(", ");
    // Enum arrays go through text[]: PGlite serialises an array parameter by its type's
    // OID and does not know the OIDs of enum array types created after it started.
    const params = spec.columns
      .map(([, type], i) => (type.startsWith('"') ? `$${i + 1}::text[]::${type}[]` : `$${i + 1}::${type}[]`))
      .join(", ");
    await this.client.$executeRawUnsafe(`INSERT INTO "${spec.table}" (${names}) SELECT * FROM unnest(${params})`, ...arrays);
  }
}
