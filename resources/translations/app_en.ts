<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>PreviewDialog</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="209" />
            <source>Queue %n job(s)</source>
            <translation>
                <numerusform>Queue %n job</numerusform>
                <numerusform>Queue %n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="219" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="220" />
            <source>from %n prompt row(s)</source>
            <translation>
                <numerusform>from %n prompt row</numerusform>
                <numerusform>from %n prompt rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/preview_dialog.py" line="226" />
            <source>%n row(s) with problems left out</source>
            <translation>
                <numerusform>%n row with problems left out</numerusform>
                <numerusform>%n rows with problems left out</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/queue/queue_view.py" line="241" />
            <source>Priority for %n job(s) (higher runs first):</source>
            <translation>
                <numerusform>Priority for %n job (higher runs first):</numerusform>
                <numerusform>Priority for %n jobs (higher runs first):</numerusform>
            </translation>
        </message>
    </context>
</TS>
