import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

import type { AppLocale } from "@/i18n/routing";

export function EmailLayout(props: { locale: AppLocale; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "Arial, Helvetica, sans-serif", color: "#1f2937" }}>
        <Container
          style={{ backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "560px", borderRadius: "8px" }}
        >
          <Text style={{ fontSize: "20px", fontWeight: 700, color: "#0f766e", margin: "0 0 16px" }}>Jumys</Text>
          <Section>{props.children}</Section>
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: "12px", color: "#6b7280", margin: 0 }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
