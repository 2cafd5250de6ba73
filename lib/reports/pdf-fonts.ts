/**
 * The fonts of every PDF the school prints. PT Sans (ParaType, open licence) has full
 * Cyrillic and is read well in large print. The files ship inside node_modules and are
 * registered by absolute path: a closed school network cannot fetch fonts at run time.
 */
import "server-only";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT_FAMILY = "PT Sans";

const FONT_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@expo-google-fonts", "pt-sans");

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  const regular = join(FONT_DIR, "400Regular", "PTSans_400Regular.ttf");
  const bold = join(FONT_DIR, "700Bold", "PTSans_700Bold.ttf");
  if (!existsSync(regular) || !existsSync(bold)) throw new Error(`Не найдены файлы шрифта PT Sans в ${FONT_DIR}`);
  Font.register({ family: PDF_FONT_FAMILY, fonts: [{ src: regular, fontWeight: 400 }, { src: bold, fontWeight: 700 }] });
  // Russian words are not hyphenated by the English rules react-pdf would apply
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
