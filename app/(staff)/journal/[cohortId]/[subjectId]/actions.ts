"use server";

import { userAction } from "@/lib/action";
import { saveGridCell } from "@/lib/journal/grid";
import { saveCellSchema } from "@/lib/journal/grid-schemas";

export const saveCellAction = userAction(saveCellSchema, (p, input) => saveGridCell(p, input));
