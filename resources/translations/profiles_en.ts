<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="166"/>
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="252"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/audit/audit_log_dialog.py" line="200"/>
        <source>The chain is intact: %n entries checked.</source>
        <translation>
            <numerusform>The chain is intact: %n entry checked.</numerusform>
            <numerusform>The chain is intact: %n entries checked.</numerusform>
        </translation>
    </message>
</context>
</TS>
