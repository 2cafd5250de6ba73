"use server";

import { userAction } from "@/lib/action";
import { loadCellHistory, saveGridCell } from "@/lib/journal/grid";
import { setLessonWorkType } from "@/lib/journal/column";
import { cellHistorySchema, saveCellSchema, setWorkTypeSchema } from "@/lib/journal/grid-schemas";

export const saveCellAction = userAction(saveCellSchema, (p, input) => saveGridCell(p, input));

export const setWorkTypeAction = userAction(setWorkTypeSchema, (p, input) => setLessonWorkType(p, input));

export const cellHistoryAction = userAction(cellHistorySchema, (p, input) => loadCellHistory(p, input.lessonId, input.studentId));
