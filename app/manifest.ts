/**
 * The web app manifest (/manifest.webmanifest): the family's diary installs on a phone
 * as «Дневник» and opens on /diary. Icons are made by scripts/make-icons.mjs.
 */
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/diary",
    name: "Журнал — дневник",
    short_name: "Дневник",
    description: "Электронный дневник: оценки, расписание и домашние задания",
    lang: "ru",
    dir: "ltr",
    start_url: "/diary",
    scope: "/",
    display: "standalone",
    theme_color: "#0b4f9c",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
